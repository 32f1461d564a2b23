package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.OdooError;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

/** Odoo 16.0, as recorded on a 16.0 server; the later versions override what changed. */
class Odoo16Dialect implements Dialect {
  private static final ProductTypes PRODUCT_TYPES = new DetailedTypeProducts();
  private static final MoveQuantities MOVE_QUANTITIES = new DoneQuantityMoves();

  @Override
  public int major() {
    return 16;
  }

  @Override
  public JsonObject versionInfo() {
    String version = major() + ".0";
    return new JsonObject()
        .put("server_version", version)
        .put("server_version_info", new JsonArray().add(major()).add(0).add(0).add("final").add(0).add(""))
        .put("server_serie", version)
        .put("protocol_version", 1);
  }

  /** A 40-character hex string (a SHA-1 in Odoo 16). */
  @Override
  public String newSessionId(Random random) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public Duration sessionCookieExpiry() {
    return Duration.ofDays(7);
  }

  @Override
  public void addSessionInfo(JsonObject info, SessionUser user) {
    info.put("company_id", 1)
        .put("currencies", new JsonObject()
            .put("1", currency("€", "after"))
            .put("2", currency("$", "before")))
        .put("user_companies", new JsonObject()
            .put("current_company", 1)
            .put("allowed_companies", new JsonObject()
                .put("2", company(2, "My Company (Chicago)", 10))
                .put("1", company(1, "My Company (San Francisco)", 0))))
        .put("user_id", new JsonArray().add(user.uid()))
        .put("max_time_between_keys_in_ms", 100);
    if (user.admin()) {
      info.put("web_tours", new JsonArray()).put("tour_disable", true);
    }
    info.put("notification_type", "email").put("odoobot_initialized", user.admin());
    if (user.admin()) {
      info.put("iap_company_enrich", true);
    }
  }

  /** A company entry of {@code user_companies.allowed_companies}. */
  JsonObject company(int id, String name, int sequence) {
    return new JsonObject().put("id", id).put("name", name).put("sequence", sequence);
  }

  static JsonObject currency(String symbol, String position) {
    return new JsonObject().put("symbol", symbol).put("position", position).put("digits", new JsonArray().add(69).add(2));
  }

  @Override
  public boolean rejectsMalformedJsonWithHttp400() {
    return true;
  }

  @Override
  public boolean servesLegacySearchRead() {
    return true;
  }

  @Override
  public boolean servesJson2() {
    return false;
  }

  @Override
  public OdooError unknownModelOnCallKw(String model) {
    return OdooErrors.keyError(model);
  }

  @Override
  public boolean hasNameGet() {
    return true;
  }

  @Override
  public boolean hasHasAccess() {
    return false;
  }

  @Override
  public boolean usesWebSpecification() {
    return false;
  }

  @Override
  public ProductTypes productTypes() {
    return PRODUCT_TYPES;
  }

  @Override
  public MoveQuantities moveQuantities() {
    return MOVE_QUANTITIES;
  }

  @Override
  public boolean receiptsHaveDefaultSource() {
    return false;
  }

  @Override
  public boolean offersImmediateTransfer() {
    return true;
  }

  @Override
  public int wizardViewId(String wizardModel) {
    return wizardModel.equals("stock.immediate.transfer") ? 758 : 760;
  }

  @Override
  public boolean returnWizardTakesLocation() {
    return true;
  }

  @Override
  public String createReturnsMethod() {
    return "create_returns";
  }

  @Override
  public JsonObject returnAction(long returnPickingId, long returnTypeId, Long partnerId, JsonObject context) {
    JsonObject actionContext = context.copy()
        .put("default_partner_id", partnerId == null ? false : partnerId)
        .put("search_default_picking_type_id", returnTypeId);
    for (String filter : new String[] {"draft", "assigned", "confirmed", "ready", "planning_issues", "available"}) {
      actionContext.put("search_default_" + filter, false);
    }
    return new JsonObject()
        .put("name", "Returned Picking")
        .put("view_mode", "form,tree,calendar")
        .put("res_model", "stock.picking")
        .put("res_id", returnPickingId)
        .put("type", "ir.actions.act_window")
        .put("context", actionContext);
  }

  @Override
  public boolean joinsPostingErrors() {
    return false;
  }

  @Override
  public boolean protectsSequenceChain() {
    return false;
  }
}
