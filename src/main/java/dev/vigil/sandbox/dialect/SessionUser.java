package dev.vigil.sandbox.dialect;

/** The user of a session, as far as the session info needs it. */
public record SessionUser(long uid, String login, String name, long partnerId, boolean admin) {}
