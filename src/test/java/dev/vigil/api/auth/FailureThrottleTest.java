package dev.vigil.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
  private Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private final InstantSource clock = () -> now;
  private final FailureThrottle throttle =
      new FailureThrottle(clock, 2, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(15), 3);

  @Test
  void theFirstFailuresAreFreeThenEachWaitDoublesUpToTheCap() {
    throttle.failed("10.0.0.1");
    assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.1"));
    throttle.failed("10.0.0.1");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("10.0.0.1"));

    throttle.failed("10.0.0.1");
    assertEquals(Duration.ofSeconds(2), throttle.waitFor("10.0.0.1"));
    throttle.failed("10.0.0.1");
    assertEquals(Duration.ofSeconds(4), throttle.waitFor("10.0.0.1"));
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertEquals(Duration.ofSeconds(8), throttle.waitFor("10.0.0.1"));

    now = now.plusSeconds(3);
    assertEquals(Duration.ofSeconds(5), throttle.waitFor("10.0.0.1"));
    assertEquals(Duration.ZERO, throttle.waitFor("10.0.0.2"), "other clients are not slowed");
  }

  @Test
  void aSuccessOrAQuietSpellForgetsTheFailures() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("a");
      throttle.failed("b");
    }
    throttle.succeeded("a");
    assertEquals(Duration.ZERO, throttle.waitFor("a"));

    now = now.plus(Duration.ofMinutes(16));
    assertEquals(Duration.ZERO, throttle.waitFor("b"));
  }

  @Test
  void onlyTheMostRecentClientsAreRemembered() {
    for (String client : new String[] {"a", "b", "c", "d"}) {
      for (int i = 0; i < 3; i++) {
        throttle.failed(client);
      }
    }
    assertEquals(Duration.ZERO, throttle.waitFor("a"));
    assertEquals(Duration.ofSeconds(2), throttle.waitFor("d"));
    assertEquals(Duration.ofSeconds(2), throttle.waitFor("b"));
  }
}
