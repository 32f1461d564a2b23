package dev.vigil.schedule;

import static dev.vigil.schedule.MonitorFixture.settings;
import static dev.vigil.schedule.MonitorFixture.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.RunLease;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.Tenant;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("The scheduler runs the checks its ownership holds, under proven leases")
class SchedulerOwnershipTest {
  private static final Duration INTERVAL = Duration.ofMillis(300);
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final CheckKey A = new CheckKey("a", "login");
  private static final CheckKey B = new CheckKey("b", "login");
  private MonitorFixture fixture;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    fixture = new MonitorFixture(vertx);
  }

  private static Tenant checkedFrom(Tenant tenant, Set<String> locations) {
    return new Tenant(tenant.id(), tenant.name(), tenant.baseUrl(), tenant.database(), tenant.api(),
        tenant.credentials(), tenant.tier(), tenant.placement(), tenant.journeys(), tenant.allowedOrigins(),
        tenant.timezone(), tenant.maintenance(), tenant.sandbox(), tenant.alerts(), locations, tenant.source());
  }

  @Test
  @DisplayName("only held checks run; a check gained starts on its grid, a check lost stops")
  void gainAndLoss(Vertx vertx, VertxTestContext test) {
    fixture.ownership.hold(A::equals);
    MonitorFixture.sandbox(vertx, 18, "a", 0).compose(odoo -> fixture.start(fixture.catalog(
            tenant("a", odoo.baseUrl(), "a", INTERVAL, "login"), tenant("b", odoo.baseUrl(), "a", INTERVAL, "login")),
            settings(8, 2)))
        .compose(deployed -> fixture.until(() -> fixture.recorder.runsOf("a").size() >= 3, PATIENCE, "runs of a"))
        .map(ok -> {
          test.verify(() -> assertEquals(List.of(), fixture.recorder.runsOf("b"), "b is not held"));
          fixture.ownership.hold(B::equals);
          return ok;
        })
        .compose(ok -> fixture.until(() -> fixture.recorder.runsOf("b").size() >= 3, PATIENCE, "runs of b"))
        .compose(ok -> {
          int runsOfA = fixture.recorder.runsOf("a").size();
          return fixture.pause(INTERVAL.multipliedBy(3)).map(runsOfA);
        })
        .onComplete(test.succeeding(runsOfA -> test.verify(() -> {
          assertEquals(runsOfA, fixture.recorder.runsOf("a").size(), "a stopped once lost");
          long phase = Cadence.of(B, INTERVAL).phaseMillis();
          List<RunResult> runsOfB = fixture.recorder.runsOf("b");
          assertTrue(runsOfB.stream().allMatch(run -> Math.floorMod(run.scheduledAt().toEpochMilli(),
              INTERVAL.toMillis()) == phase), "on b's grid");
          for (int i = 1; i < runsOfB.size(); i++) {
            assertEquals(INTERVAL, Duration.between(runsOfB.get(i - 1).scheduledAt(), runsOfB.get(i).scheduledAt()));
          }
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a run starts only under a proven lease, which it carries; otherwise it is skipped and counted")
  void provenLeasesOnly(Vertx vertx, VertxTestContext test) {
    fixture.ownership.proven(false);
    MonitorFixture.sandbox(vertx, 18, "a", 0)
        .compose(odoo -> fixture.start(fixture.catalog(tenant("a", odoo.baseUrl(), "a", INTERVAL, "login")), settings(8, 2)))
        .compose(deployed -> fixture.until(() -> fixture.recorder.skips.size() >= 3, PATIENCE, "skips"))
        .map(ok -> {
          test.verify(() -> {
            assertEquals(List.of(), fixture.recorder.runs, "no run without a proven lease");
            assertTrue(fixture.recorder.skips.stream().allMatch("a/login:LEASE_UNPROVEN"::equals),
                fixture.recorder.skips.toString());
          });
          fixture.ownership.proven(true);
          return ok;
        })
        .compose(ok -> fixture.until(() -> !fixture.recorder.runs.isEmpty(), PATIENCE, "a run"))
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          assertEquals(Optional.of(new RunLease(Tenant.DEFAULT_LOCATION, 0, TestOwnership.TOKEN)),
              fixture.recorder.runs.get(0).lease());
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("tenants checked from other locations only are not scheduled here; stopping gives every check up")
  void otherLocations(Vertx vertx, VertxTestContext test) {
    MonitorFixture.sandbox(vertx, 18, "a", 0).compose(odoo -> fixture.start(fixture.catalog(
            checkedFrom(tenant("a", odoo.baseUrl(), "a", INTERVAL, "login"), Set.of("eu-west", "us-east")),
            checkedFrom(tenant("b", odoo.baseUrl(), "a", INTERVAL, "login"), Set.of("eu-west", Tenant.DEFAULT_LOCATION))),
            settings(8, 2)))
        .compose(deployed -> fixture.until(() -> fixture.recorder.runsOf("b").size() >= 3, PATIENCE, "runs of b")
            .compose(ok -> vertx.undeploy(deployed.id())))
        .onComplete(test.succeeding(ok -> test.verify(() -> {
          assertEquals(List.of(), fixture.recorder.runsOf("a"));
          assertTrue(fixture.recorder.skips.stream().noneMatch(skip -> skip.startsWith("a/")));
          assertTrue(fixture.ownership.stopped(), "the checks were given up");
          test.completeNow();
        })));
  }
}
