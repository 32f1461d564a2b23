package dev.vigil.odoo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** An Odoo server's version: the major number to compare, the full string to report. */
record ServerVersion(int major, String full) {

  /**
   * Reads {@code server_version_info} / {@code server_version} (version_info, common.version,
   * session/authenticate) or Odoo 19's {@code version_info} / {@code version} ({@code /web/version}).
   *
   * @throws OdooFault SERVER_ERROR when the answer carries no version
   */
  static ServerVersion from(String what, Object answer) {
    if (answer instanceof JsonObject info) {
      JsonArray parts = firstArray(info, "server_version_info", "version_info");
      if (parts != null && !parts.isEmpty() && parts.getValue(0) instanceof Number major) {
        String full = info.getValue("server_version") instanceof String s ? s
            : info.getValue("version") instanceof String v ? v
            : String.valueOf(major.intValue());
        return new ServerVersion(major.intValue(), full);
      }
    }
    throw OdooFaults.unexpectedAnswer(what, "no server_version_info in the answer");
  }

  private static JsonArray firstArray(JsonObject info, String... keys) {
    for (String key : keys) {
      if (info.getValue(key) instanceof JsonArray array) {
        return array;
      }
    }
    return null;
  }
}
