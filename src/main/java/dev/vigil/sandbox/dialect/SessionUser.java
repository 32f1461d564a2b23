package dev.vigil.sandbox.dialect;

/** The user of a session, as far as the version-specific session info needs it. */
public record SessionUser(long uid, boolean admin) {}
