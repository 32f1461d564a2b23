package dev.vigil.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUrlTest {

  @Test
  @DisplayName("A full URL gives host, port, database, TLS and credentials, and logs without the password")
  void fullUrl() {
    RedisUrl url = RedisUrl.parse("rediss://vigil:s3cr%40t@cache.internal:6380/2");

    assertTrue(url.tls());
    assertEquals("cache.internal", url.host());
    assertEquals(6380, url.port());
    assertEquals(2, url.database());
    assertTrue(url.hasPassword());
    assertEquals("rediss://vigil:****@cache.internal:6380/2", url.toString());
    RedisOptions options = url.toOptions();
    assertEquals("rediss://cache.internal:6380/2", options.getEndpoint());
    assertEquals("vigil", options.getUser());
    assertEquals("s3cr@t", options.getPassword());
  }

  @Test
  @DisplayName("Port 6379 and database 0 by default; a password alone is a password")
  void defaults() {
    assertEquals("redis://localhost:6379/0", RedisUrl.parse("redis://localhost").toString());
    RedisUrl passwordOnly = RedisUrl.parse("redis://:hunter2@10.0.0.5:7000");
    assertEquals("redis://:****@10.0.0.5:7000/0", passwordOnly.toString());
    assertEquals("hunter2", passwordOnly.toOptions().getPassword());
    assertEquals(null, passwordOnly.toOptions().getUser());
    assertEquals("hunter2", RedisUrl.parse("redis://hunter2@h").toOptions().getPassword());
    assertFalse(RedisUrl.parse("redis://h:1/3").hasPassword());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://:hunter2@h:6379", "redis://:hunter2@h:6379/x", "redis://:hunter2@h:6379/0?x=1",
      "redis://:hunter2@:6379", "redis:// :hunter2@h", "hunter2"})
  @DisplayName("Invalid URLs are refused with a reason that never repeats the password")
  void invalidUrls(String given) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(given));

    assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
  }
}
