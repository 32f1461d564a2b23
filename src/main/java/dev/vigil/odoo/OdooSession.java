package dev.vigil.odoo;

/**
 * A logged-in Odoo user on one database.
 *
 * @param majorVersion {@code server_version_info[0]}
 * @param serverVersion the full version string, e.g. {@code 18.0+e-20241005}
 */
public record OdooSession(int uid, int majorVersion, String serverVersion) {}
