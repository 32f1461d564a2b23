package dev.vigil.sandbox.models;

/** A user of the sandbox databases: {@code admin} (uid 2) or {@code demo} (uid 6, not an administrator). */
public record User(long uid, String login, String name, long partnerId, boolean admin) {}
