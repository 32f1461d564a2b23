package dev.vigil.api;

import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header (the scheme case-insensitively). */
public final class BearerToken {
  private static final String BEARER = "Bearer ";

  private BearerToken() {}

  /** The token of the header, empty when there is no header, another scheme or no token. */
  public static Optional<String> of(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip()).filter(token -> !token.isEmpty());
  }
}
