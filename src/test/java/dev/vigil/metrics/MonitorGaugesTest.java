package dev.vigil.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.ReadinessCheck;
import dev.vigil.domain.Status;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Scheduler gauges follow the monitor state at each scrape")
class MonitorGaugesTest {
  static final String NORTH = "clinic-north";
  static final String BAKERY = "bakery";
  static final String DENTIST = "dentist";

  final FakeMonitorState state = new FakeMonitorState()
      .inFlight(7)
      .queued(3)
      .status(NORTH, "invoice-post", Status.DOWN)
      .status(NORTH, "login", Status.UP)
      .status(BAKERY, "login", Status.MAINTENANCE)
      .circuitOpen(NORTH, true);

  ServedMetrics served;

  @BeforeEach
  void start(VertxTestContext ctx) {
    ServedMetrics.start(
            m -> new PrometheusScrape(m.registry(), List.of(new MonitorGauges(m.registry(), state))),
            ReadinessCheck.when(() -> true, ""))
        .onComplete(ctx.succeeding(started -> {
          served = started;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    served.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Runs in flight and queued are single gauges")
  void inFlightAndQueued(VertxTestContext ctx) {
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("gauge", scraped.type("vigil_runs_in_flight"));
      scraped.assertSeries("vigil_runs_in_flight", Map.of(Map.of(), 7.0));
      scraped.assertSeries("vigil_runs_queued", Map.of(Map.of(), 3.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Every tenant with checks has a circuit gauge: 1 open, 0 closed")
  void circuits(VertxTestContext ctx) {
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("gauge", scraped.type("vigil_circuit_open"));
      scraped.assertSeries("vigil_circuit_open", Map.of(
          Map.of("tenant", NORTH), 1.0,
          Map.of("tenant", BAKERY), 0.0));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Every tenant x journey has its status code, and the help text says what the codes mean")
  void statuses(VertxTestContext ctx) {
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals("gauge", scraped.type("vigil_journey_status"));
      scraped.assertSeries("vigil_journey_status", Map.of(
          Map.of("tenant", NORTH, "journey", "invoice-post"), 3.0,
          Map.of("tenant", NORTH, "journey", "login"), 0.0,
          Map.of("tenant", BAKERY, "journey", "login"), 4.0));
      assertTrue(scraped.help("vigil_journey_status").endsWith("0 UP, 1 DEGRADED, 2 PENDING, 3 DOWN, 4 MAINTENANCE"),
          scraped.help("vigil_journey_status"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("After a catalog reload, a removed tenant's series are gone, a new tenant's appear and values are current")
  void followsReload(VertxTestContext ctx) {
    served.scrape()
        .compose(before -> {
          state.removeTenant(BAKERY)
              .status(DENTIST, "login", Status.PENDING)
              .status(NORTH, "invoice-post", Status.UP)
              .circuitOpen(NORTH, false)
              .inFlight(2);
          return served.scrape();
        })
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          scraped.assertSeries("vigil_journey_status", Map.of(
              Map.of("tenant", NORTH, "journey", "invoice-post"), 0.0,
              Map.of("tenant", NORTH, "journey", "login"), 0.0,
              Map.of("tenant", DENTIST, "journey", "login"), 2.0));
          scraped.assertSeries("vigil_circuit_open", Map.of(
              Map.of("tenant", NORTH), 0.0,
              Map.of("tenant", DENTIST), 0.0));
          scraped.assertSeries("vigil_runs_in_flight", Map.of(Map.of(), 2.0));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Between reloads, the same series show the new statuses and circuits")
  void valuesFollowWithoutReload(VertxTestContext ctx) {
    served.scrape()
        .compose(before -> {
          state.status(NORTH, "invoice-post", Status.DEGRADED).circuitOpen(NORTH, false).circuitOpen(BAKERY, true);
          return served.scrape();
        })
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          scraped.assertSeries("vigil_journey_status", Map.of(
              Map.of("tenant", NORTH, "journey", "invoice-post"), 1.0,
              Map.of("tenant", NORTH, "journey", "login"), 0.0,
              Map.of("tenant", BAKERY, "journey", "login"), 4.0));
          scraped.assertSeries("vigil_circuit_open", Map.of(
              Map.of("tenant", NORTH), 0.0,
              Map.of("tenant", BAKERY), 1.0));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A tenant whose circuit is open has its gauge even before any status of its own")
  void openCircuitWithoutStatus(VertxTestContext ctx) {
    state.circuitOpen(DENTIST, true);
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      assertEquals(1.0, scraped.value("vigil_circuit_open", Map.of("tenant", DENTIST)));
      ctx.completeNow();
    })));
  }
}
