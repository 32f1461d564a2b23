package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Durations")
class DurationsTest {

  @Test
  @DisplayName("Each unit is read")
  void units() {
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ZERO, Durations.parse("0s"));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"5 minutes", "-1s", "1.5s", "30", "s", "5M", "1d", "", "99999999999999999999h"})
  @DisplayName("Anything else is refused, saying the format")
  void refused(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  @DisplayName("Durations are printed in the largest whole unit")
  void format() {
    assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
    assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
    assertEquals("2h", Durations.format(Duration.ofHours(2)));
    assertEquals("0s", Durations.format(Duration.ZERO));
  }
}
