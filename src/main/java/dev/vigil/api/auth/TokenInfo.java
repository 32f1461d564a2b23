package dev.vigil.api.auth;

import java.time.Instant;
import java.util.Optional;

/** What is known of a token, without the token: for listings and the audit trail. */
public record TokenInfo(
    Principal principal, String label, Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {}
