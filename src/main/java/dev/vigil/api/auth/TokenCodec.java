package dev.vigil.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a bearer token is made of: {@code vgl_} and 32 random bytes (base64url), shown once to its
 * owner; Vigil keeps only its SHA-256 hash (a token has 256 bits of entropy, so a fast hash is
 * enough: nothing to brute-force). Hashes are compared in constant time.
 */
public final class TokenCodec {
  private static final String PREFIX = "vgl_";
  private static final int RANDOM_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /** A new token, to show once and never store. */
  public String newToken() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of a token (checked before any lookup). */
  public static boolean looksLikeToken(String text) {
    return text != null && text.startsWith(PREFIX) && text.length() == PREFIX.length() + 43
        && text.substring(PREFIX.length()).chars().allMatch(TokenCodec::base64url);
  }

  /** The hash stored for a token (SHA-256). */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  private static boolean base64url(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }
}
