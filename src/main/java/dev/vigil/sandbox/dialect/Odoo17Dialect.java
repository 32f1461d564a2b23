package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.OdooError;
import dev.vigil.sandbox.orm.OdooErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * Odoo 17.0: what changed since 16. Not recorded: inferred from 16 and 18 and Odoo's release
 * notes (17 already has the new session format, routing, web API, {@code quantity}/{@code picked}
 * moves and validation without the immediate-transfer wizard; it keeps 16's product types and
 * return wizard).
 */
class Odoo17Dialect extends Odoo16Dialect {
  private static final MoveQuantities MOVE_QUANTITIES = new PickedQuantityMoves();

  @Override
  public int major() {
    return 17;
  }

  /** 84 URL-safe characters ({@code secrets.token_urlsafe(63)}). */
  @Override
  public String newSessionId(Random random) {
    byte[] bytes = new byte[63];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public Duration sessionCookieExpiry() {
    return Duration.ofDays(365);
  }

  @Override
  public void addSessionInfo(JsonObject info, SessionUser user) {
    info.put("is_public", false)
        .put("is_internal_user", true)
        .put("user_settings", userSettings(user))
        .put("partner_write_date", "2026-11-20 21:49:52")
        .put("currencies", new JsonObject().put("1", currency("$", "before")))
        .put("test_mode", false)
        .put("view_info", viewInfo())
        .put("user_companies", new JsonObject()
            .put("current_company", 1)
            .put("allowed_companies", new JsonObject()
                .put("2", company(2, "My Company (Chicago)", 10))
                .put("1", company(1, "My Company (San Francisco)", 0)))
            .put("disallowed_ancestor_companies", new JsonObject()))
        .put("max_time_between_keys_in_ms", 150)
        .put("websocket_worker_version", major() + ".0-1")
        .put("tour_enabled", false)
        .put("current_tour", (Object) null)
        .put("odoobot_initialized", false);
    if (user.admin()) {
      info.put("iap_company_enrich", true);
    }
    info.put("can_insert_in_spreadsheet", false);
  }

  @Override
  JsonObject company(int id, String name, int sequence) {
    return super.company(id, name, sequence).put("child_ids", new JsonArray()).put("parent_id", false);
  }

  private static JsonObject userSettings(SessionUser user) {
    return new JsonObject()
        .put("id", user.admin() ? 1 : 2)
        .put("user_id", new JsonObject().put("id", user.uid()))
        .put("is_discuss_sidebar_category_channel_open", true)
        .put("is_discuss_sidebar_category_chat_open", true)
        .put("push_to_talk_key", false)
        .put("use_push_to_talk", false)
        .put("voice_active_duration", 200)
        .put("channel_notifications", false)
        .put("mute_until_dt", false);
  }

  private static JsonObject viewInfo() {
    JsonObject views = new JsonObject();
    String[][] table = {
      {"list", "List", "oi oi-view-list", "true"},
      {"form", "Form", "fa fa-address-card", "false"},
      {"graph", "Graph", "fa fa-area-chart", "true"},
      {"pivot", "Pivot", "oi oi-view-pivot", "true"},
      {"calendar", "Calendar", "fa fa-calendar", "true"},
      {"kanban", "Kanban", "oi oi-view-kanban", "true"},
      {"search", "Search", "oi oi-search", "true"},
      {"activity", "Activity", "fa fa-clock-o", "true"},
    };
    for (String[] row : table) {
      views.put(row[0], new JsonObject()
          .put("display_name", row[1]).put("icon", row[2]).put("multi_record", Boolean.parseBoolean(row[3])));
    }
    return views;
  }

  @Override
  public boolean rejectsMalformedJsonWithHttp400() {
    return false;
  }

  @Override
  public boolean servesLegacySearchRead() {
    return false;
  }

  @Override
  public OdooError unknownModelOnCallKw(String model) {
    return OdooErrors.notFound();
  }

  @Override
  public boolean hasNameGet() {
    return false;
  }

  @Override
  public boolean usesWebSpecification() {
    return true;
  }

  @Override
  public MoveQuantities moveQuantities() {
    return MOVE_QUANTITIES;
  }

  @Override
  public boolean receiptsHaveDefaultSource() {
    return true;
  }

  @Override
  public boolean offersImmediateTransfer() {
    return false;
  }

  @Override
  public int wizardViewId(String wizardModel) {
    return 864;
  }

  @Override
  public boolean protectsSequenceChain() {
    return true;
  }
}
