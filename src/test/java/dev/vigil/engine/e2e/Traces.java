package dev.vigil.engine.e2e;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;

/**
 * What a journey could leave behind in a database, read through the inspector: journals, journal
 * entries, purchase orders and transfers (all of them, and those marked {@code synthetic-check}),
 * and every product's on-hand quantity.
 *
 * @param onHand {@code [{id, qty_available}, ...]} of every product, by id
 */
record Traces(
    int journals, int moves, int syntheticMoves, int orders, int syntheticOrders, int pickings, int pendingPickings,
    int syntheticPendingPickings, List<?> onHand) {
  private static final String SYNTHETIC = "synthetic-check%";

  /** Reads the traces of {@code db}; {@code purchase} says whether the purchase module is installed. */
  static Future<Traces> of(E2eSandbox sandbox, String db, boolean purchase) {
    Future<Integer> journals = sandbox.count(db, "account.journal", List.of());
    Future<Integer> moves = sandbox.count(db, "account.move", List.of());
    Future<Integer> syntheticMoves = sandbox.count(db, "account.move", List.of(List.of("ref", "=like", SYNTHETIC)));
    Future<Integer> orders = purchase ? sandbox.count(db, "purchase.order", List.of()) : Future.succeededFuture(0);
    Future<Integer> syntheticOrders = purchase
        ? sandbox.count(db, "purchase.order", List.of(List.of("partner_ref", "=like", SYNTHETIC)))
        : Future.succeededFuture(0);
    Future<Integer> pickings = sandbox.count(db, "stock.picking", List.of());
    Future<Integer> pending = sandbox.count(db, "stock.picking", List.of(List.of("state", "!=", "done")));
    Future<Integer> syntheticPending = sandbox.count(db, "stock.picking",
        List.of(List.of("state", "!=", "done"), List.of("origin", "=like", SYNTHETIC)));
    Future<Object> onHand = sandbox.inspect(db, "product.product", "search_read", List.of(List.of()),
        Map.of("fields", List.of("qty_available"), "order", "id"));
    return Future.all(
            List.of(journals, moves, syntheticMoves, orders, syntheticOrders, pickings, pending, syntheticPending, onHand))
        .map(all -> new Traces(journals.result(), moves.result(), syntheticMoves.result(), orders.result(),
            syntheticOrders.result(), pickings.result(), pending.result(), syntheticPending.result(),
            ((JsonArray) onHand.result()).getList()));
  }

  /** These traces with {@code more} transfers, as a journey that receives and returns stock leaves them. */
  Traces withMorePickings(int more) {
    return new Traces(journals, moves, syntheticMoves, orders, syntheticOrders, pickings + more, pendingPickings,
        syntheticPendingPickings, onHand);
  }

  /** These traces with {@code more} journals, as a journey that ensures its own journal leaves them. */
  Traces withMoreJournals(int more) {
    return new Traces(journals + more, moves, syntheticMoves, orders, syntheticOrders, pickings, pendingPickings,
        syntheticPendingPickings, onHand);
  }
}
