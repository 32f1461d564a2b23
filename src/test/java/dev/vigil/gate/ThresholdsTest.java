package dev.vigil.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The threshold language")
class ThresholdsTest {

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "invoice-posting:p95<800ms | invoice-posting:p95<800ms",
      "success>=100%             | success>=100%",
      "login:max<2s              | login:max<2000ms",
      "p(99) <= 1.5s             | p99<=1500ms",
      "login/authenticate:med>10 | login/authenticate:med>10ms",
      "success >= 0.995          | success>=99.5%",
      "health:p99.9<1m           | health:p99.9<60000ms",
      "avg<300ms                 | avg<300ms",
  })
  @DisplayName("parses k6-style thresholds and writes them back in one canonical form")
  void parses(String text, String canonical) {
    assertEquals(canonical, Thresholds.parse(text, "test").text());
  }

  @Test
  @DisplayName("keeps scope, metric, operator and limit in milliseconds or as a ratio")
  void parts() {
    Threshold t = Thresholds.parse("invoice-posting/post-invoice:p95<0.8s", "test");
    assertEquals(Optional.of("invoice-posting"), t.journey());
    assertEquals(Optional.of("post-invoice"), t.step());
    assertEquals(Metric.percentile(95), t.metric());
    assertEquals(Comparison.LESS, t.comparison());
    assertEquals(800.0, t.limit());
    assertTrue(t.met(799.9));
    assertTrue(!t.met(800));
    assertEquals(0.99, Thresholds.parse("success>=99%", "test").limit(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "p95", "p95<<800", "p95<800 ms", "p0<1s", "p101<1s", "mean<1s", "success>=101%",
      "success>=1.5", "p95<fast", "login:p95<800h", "Login:p95<1s"})
  @DisplayName("refuses what it cannot read, saying how to write it")
  void refuses(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(text, "test"));
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  @DisplayName("lists every problem of a list at once, naming each threshold")
  void everyProblem() {
    Thresholds.Parsed parsed = Thresholds.parseAll(List.of("p95<1s", "p95<<1s", "nope"), "test");
    assertEquals(1, parsed.thresholds().size());
    assertEquals(2, parsed.problems().size());
    assertTrue(parsed.problems().get(0).startsWith("threshold 'p95<<1s': "), parsed.problems().toString());
  }
}
