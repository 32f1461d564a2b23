package dev.vigil.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CircuitBreakersTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  @DisplayName("repeated transport faults open the circuit; then the tenant is only probed at the slower pace")
  void opensAndProbes() {
    CircuitBreakers circuits = new CircuitBreakers(3, Duration.ofMinutes(1));
    assertFalse(circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0));
    assertFalse(circuits.record(Runs.errored("a", "login", ErrorClass.TIMEOUT), T0));
    assertTrue(circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0), "third fault opens");
    assertTrue(circuits.isOpen("a"));
    assertEquals(Set.of("a"), circuits.open());
    assertFalse(circuits.allows("a", T0.plusSeconds(30)));
    assertTrue(circuits.allows("a", T0.plusSeconds(60)), "probe after the probe interval");
    assertFalse(circuits.allows("a", T0.plusSeconds(61)), "one probe per interval");
    assertTrue(circuits.allows("b", T0), "other tenants are not affected");
  }

  @Test
  @DisplayName("a run without a transport fault closes the circuit; Odoo's own errors never open it")
  void closesAndIgnoresOdooErrors() {
    CircuitBreakers circuits = new CircuitBreakers(2, Duration.ofMinutes(1));
    circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0);
    circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0);
    assertTrue(circuits.isOpen("a"));
    assertTrue(circuits.record(Runs.failed("a", "login"), T0.plusSeconds(60)), "an answer closes it");
    assertFalse(circuits.isOpen("a"));
    for (int i = 0; i < 5; i++) {
      circuits.record(Runs.errored("b", "invoice-posting", ErrorClass.VALIDATION), T0);
      circuits.record(Runs.errored("b", "invoice-posting", ErrorClass.AUTH), T0);
    }
    assertFalse(circuits.isOpen("b"));
  }

  @Test
  @DisplayName("faults in between successes do not add up")
  void consecutiveOnly() {
    CircuitBreakers circuits = new CircuitBreakers(2, Duration.ofMinutes(1));
    circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0);
    circuits.record(Runs.passed("a", "login"), T0);
    circuits.record(Runs.errored("a", "login", ErrorClass.CONNECTION), T0);
    assertFalse(circuits.isOpen("a"));
  }
}
