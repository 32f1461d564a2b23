package dev.vigil.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenCodecTest {
  private final TokenCodec codec = new TokenCodec();

  @Test
  void tokensAreRandomAndHaveTheirShape() {
    String a = codec.newToken();
    String b = codec.newToken();

    assertNotEquals(a, b);
    assertTrue(TokenCodec.looksLikeToken(a), a);
    assertEquals(47, a.length());
  }

  @Test
  void textsThatAreNotTokensAreRecognisedBeforeAnyLookup() {
    String token = codec.newToken();

    assertFalse(TokenCodec.looksLikeToken(null));
    assertFalse(TokenCodec.looksLikeToken("Bearer " + token));
    assertFalse(TokenCodec.looksLikeToken(token + "x"));
    assertFalse(TokenCodec.looksLikeToken(token.substring(0, 46) + "!"));
  }

  @Test
  void theHashRevealsNothingOfTheTokenAndComparesExactly() {
    String token = codec.newToken();
    byte[] hash = TokenCodec.hash(token);

    assertEquals(32, hash.length);
    assertFalse(java.util.HexFormat.of().formatHex(hash).contains(token.substring(4, 12)));
    assertTrue(TokenCodec.sameHash(hash, TokenCodec.hash(token)));
    assertFalse(TokenCodec.sameHash(hash, TokenCodec.hash(codec.newToken())));
  }
}
