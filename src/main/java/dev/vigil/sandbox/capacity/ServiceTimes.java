package dev.vigil.sandbox.capacity;

import java.util.Map;
import java.util.Set;

/**
 * How long a request holds a worker at latency scale 1, after the recorded server timings
 * (loopback, 2 vCPU): authentication ~300 ms (PBKDF2), a {@code call_kw} read ~6 ms, an invoice
 * create ~105 ms, posting ~85 ms, a stock validation ~70 ms; {@code /jsonrpc} adds ~10 ms.
 */
public final class ServiceTimes {
  public static final long HEALTH = 12;
  public static final long VERSION_INFO = 15;
  public static final long AUTHENTICATE = 300;
  public static final long SESSION = 5;
  public static final long DATABASE_LIST = 20;
  /** A plain HTML page: 404, the 400 of a JSON route, the login page. */
  public static final long PAGE = 20;
  public static final long JSONRPC_OVERHEAD = 10;
  /** One request of the synthetic "heavy workload" of a database. */
  public static final long BACKGROUND_REQUEST = 250;

  private static final Map<String, Long> BUSINESS_CALLS = Map.ofEntries(
      Map.entry("account.move/create", 105L),
      Map.entry("account.move/action_post", 85L),
      Map.entry("account.move/button_draft", 55L),
      Map.entry("account.move/button_cancel", 60L),
      Map.entry("account.move/unlink", 75L),
      Map.entry("stock.picking/create", 45L),
      Map.entry("stock.picking/action_confirm", 45L),
      Map.entry("stock.picking/action_assign", 15L),
      Map.entry("stock.picking/button_validate", 70L),
      Map.entry("stock.picking/action_cancel", 30L),
      Map.entry("stock.picking/unlink", 85L),
      Map.entry("stock.immediate.transfer/process", 60L),
      Map.entry("stock.backorder.confirmation/process", 90L),
      Map.entry("stock.backorder.confirmation/process_cancel_backorder", 75L),
      Map.entry("stock.return.picking/create_returns", 100L),
      Map.entry("stock.return.picking/action_create_returns", 110L),
      Map.entry("purchase.order/create", 60L),
      Map.entry("purchase.order/button_confirm", 80L),
      Map.entry("purchase.order/button_cancel", 40L),
      Map.entry("purchase.order/unlink", 40L));
  private static final Set<String> WRITES = Set.of("write", "create", "unlink");

  private ServiceTimes() {}

  /** The service time of {@code model.method} through {@code /web/dataset/call_kw}. */
  public static long call(String model, String method) {
    Long business = BUSINESS_CALLS.get(model + "/" + method);
    if (business != null) {
      return business;
    }
    return WRITES.contains(method) ? 15 : 6;
  }
}
