package dev.vigil.sandbox.server;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.dialect.SessionUser;
import dev.vigil.sandbox.models.User;
import io.vertx.core.json.JsonObject;

/**
 * The session info {@code /web/session/authenticate} and {@code get_session_info} return: the
 * keys every version has (uid, db, versions, user context, ...) plus the version's own
 * (see {@link Dialect#addSessionInfo}). The discuss store data of 17+ is left out.
 */
final class SessionInfo {
  private SessionInfo() {}

  static JsonObject of(Dialect dialect, Session session, String baseUrl) {
    User user = session.user();
    JsonObject version = dialect.versionInfo();
    JsonObject info = new JsonObject()
        .put("uid", user.uid())
        .put("is_system", user.admin())
        .put("is_admin", user.admin())
        .put("user_context", new JsonObject().put("lang", "en_US").put("tz", "Europe/Brussels").put("uid", user.uid()))
        .put("db", session.db())
        .put("server_version", version.getString("server_version"))
        .put("server_version_info", version.getJsonArray("server_version_info"))
        .put("support_url", "https://www.odoo.com/buy")
        .put("name", user.name())
        .put("username", user.login())
        .put("partner_display_name", "YourCompany, " + user.name())
        .put("partner_id", user.partnerId())
        .put("web.base.url", baseUrl)
        .put("active_ids_limit", 20000)
        .put("profile_session", (Object) null)
        .put("profile_collectors", (Object) null)
        .put("profile_params", (Object) null)
        .put("max_file_upload_size", 134217728)
        .put("home_action_id", false)
        .put("cache_hashes", new JsonObject()
            .put("translations", "723b0234e3565888ea0af5b1c6a1977dc218528f")
            .put("load_menus", "bc815d39b0da494f1eb76efaddc1708ec33d96e2f2706cbfca32d400fbfa5a4f"))
        .put("bundle_params", new JsonObject().put("lang", "en_US"))
        .put("show_effect", true)
        .put("display_switch_company_menu", true);
    dialect.addSessionInfo(info, new SessionUser(user.uid(), user.admin()));
    return info;
  }
}
