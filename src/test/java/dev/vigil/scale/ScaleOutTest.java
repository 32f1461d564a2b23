package dev.vigil.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxOdoo;
import dev.vigil.scale.RunLedger.Window;
import dev.vigil.store.postgres.TestPostgres;
import dev.vigil.store.redis.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenStore;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;

import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Issue 9's proof: Vigil replicas in separate JVMs, one PostgreSQL, one Redis, one sandbox Odoo.
 * The history must show every tenant × journey run once per interval: never twice, and missed
 * only while the fleet changes (a replica killed, one paused past its leases, one joining).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ScaleOutTest {
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Duration LEASE_TTL = Duration.ofSeconds(6);
  /** Leases are renewed and shares rebalanced every third of the lease time. */
  private static final Duration ROUND = LEASE_TTL.dividedBy(3);
  /** For a loaded machine: JVMs starting, timers late, results flushed every 200 ms. */
  private static final Duration SLACK = Duration.ofSeconds(6);
  private static final Duration BOOT = Duration.ofSeconds(90);
  private static final int TENANTS = 20;
  private static final Path PROJECT = Path.of(System.getProperty("vigil.project.dir", "."));

  @TempDir Path dir;
  private final List<Replica> replicas = new ArrayList<>();
  private Map<String, String> env;
  private List<String> flags;

  @Test
  @DisplayName("Replicas share the checks: each ran once per interval across kill -9, a pause past the lease time"
      + " and a late joiner, as the history in PostgreSQL shows")
  void oncePerIntervalAcrossTheFleet() throws Exception {
    Vertx vertx = Vertx.vertx();
    PgConnectOptions database = TestPostgres.freshDatabase();
    try (TestRedis redis = TestRedis.start()) {
      SandboxOdoo sandbox = await(SandboxOdoo.start(vertx, SandboxConfig.defaults(18, "clinic").withLatencyScale(0)));
      env = Map.of("VIGIL_DATABASE_URL", "postgresql://" + database.getUser() + "@" + database.getHost() + ":"
          + database.getPort() + "/" + database.getDatabase(), "VIGIL_REDIS_URL", redis.url(), "SANDBOX_PASSWORD", "admin");
      flags = List.of("--http-port", "0", "--tenants", tenants(sandbox).toString(), "--journeys", journeys().toString(),
          "--lease-ttl", LEASE_TTL.toSeconds() + "s", "--shutdown-grace", "5s", "--reload-interval", "1m");
      List<Window> windows = new ArrayList<>();
      Instant steadyFrom;
      Instant steadyTo;
      Instant killedAt;
      Instant joinedAt;
      long started = System.nanoTime();
      try {
        Replica one = start("replica-1");
        Replica two = start("replica-2");
        Replica three = start("replica-3");
        until(BOOT, "three replicas monitor and share the shards", () -> sharing(one, two, three));
        steadyFrom = Instant.now();
        assertTrue(runsArriveFrom(vertx, database, one, "replica-3"),
            "a WebSocket client of replica-1 received a run executed by replica-3");
        sleep(INTERVAL);

        killedAt = Instant.now();
        two.kill();
        until(LEASE_TTL.plus(ROUND).plus(SLACK), "the other two took the killed replica's shards",
            () -> sharing(one, three));
        windows.add(new Window("kill -9 of replica-2", killedAt.minusSeconds(1),
            killedAt.plus(LEASE_TTL).plus(ROUND).plus(SLACK)));
        sleep(INTERVAL.multipliedBy(2));

        Replica four = start("replica-4");
        until(BOOT, "the late replica took its share", () -> sharing(one, three, four));
        joinedAt = four.firstRound();
        windows.add(new Window("replica-4 joining", joinedAt.minusSeconds(1),
            joinedAt.plus(ROUND.multipliedBy(2)).plus(SLACK)));
        sleep(INTERVAL.multipliedBy(2));

        Instant pausedAt = Instant.now();
        three.pause();
        until(LEASE_TTL.plus(ROUND).plus(SLACK), "the others took the paused replica's shards",
            () -> sharing(one, four));
        sleep(INTERVAL);
        Instant resumedAt = Instant.now();
        three.resume();
        until(BOOT, "the paused replica is back with its share", () -> sharing(one, three, four));
        windows.add(new Window("replica-3 paused " + Duration.between(pausedAt, resumedAt).toSeconds() + " s",
            pausedAt.minusSeconds(1), resumedAt.plus(ROUND.multipliedBy(2)).plus(SLACK)));
        sleep(INTERVAL.multipliedBy(2));

        steadyTo = Instant.now();
        List.of(one, three, four).forEach(Replica::stop);
        for (Replica replica : List.of(one, three, four)) {
          assertEquals(143, replica.waitFor(Duration.ofSeconds(60)), replica.name + " stopped on SIGTERM\n" + replica.tail());
        }
      } finally {
        replicas.forEach(Replica::close);
        await(sandbox.stop());
      }
      Pool pool = PgBuilder.pool().connectingTo(database).using(vertx).build();
      RunLedger ledger = RunLedger.read(pool, INTERVAL);
      await(pool.close());
      await(vertx.close());
      Instant checkedTo = steadyTo.minusSeconds(1);
      System.out.printf("scale-out: %d runs of %d checks in %d s, by runner %s; slots missed while the fleet changed: %s%n",
          ledger.size(), ledger.checks(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
          ledger.runsByRunner(), ledger.missedInside(steadyFrom, checkedTo, windows));

      assertEquals(TENANTS * 2, ledger.checks(), "every tenant × journey ran");
      assertEquals(List.of(), ledger.duplicates(), "no slot ran twice");
      assertEquals(List.of(), ledger.staleTokens(), "no run after a newer lease holder's run had an older token");
      assertEquals(List.of(), ledger.missedOutside(steadyFrom, checkedTo, windows),
          "every slot ran, except while the fleet changed: " + windows);
      assertFalse(ledger.checksRunBy("replica-4", joinedAt, steadyTo).isEmpty(), "the late replica ran checks");
      Set<String> ofTheKilled = ledger.lastRunBy("replica-2", killedAt);
      Instant resumedBy = killedAt.plus(LEASE_TTL).plus(ROUND).plus(SLACK).plus(INTERVAL);
      ledger.firstRunsFrom(ofTheKilled, killedAt).forEach((check, run) -> assertTrue(
          !run.runner().equals("replica-2") && run.scheduledAt().isBefore(resumedBy),
          check + " resumed after the kill by " + run.runner() + " at " + run.scheduledAt()));
      assertEquals(ofTheKilled.size(), ledger.firstRunsFrom(ofTheKilled, killedAt).size(),
          "each of the killed replica's checks resumed");
    }
  }

  /**
   * Subscribes to everything on {@code replica}'s live stream with a platform token and waits for
   * a run executed by {@code runner}: events cross replicas through Redis.
   */
  private boolean runsArriveFrom(Vertx vertx, PgConnectOptions database, Replica replica, String runner)
      throws Exception {
    Pool pool = PgBuilder.pool().connectingTo(database).using(vertx).build();
    String token;
    try {
      token = await(new TokenStore(pool, InstantSource.system())
          .create(Role.PLATFORM, Optional.empty(), "scale-out test", Optional.empty())).token();
    } finally {
      await(pool.close());
    }
    LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 << 20));
    try {
      WebSocket socket = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
              .setPort(replica.httpPort()).setURI("/ws").addHeader("Authorization", "Bearer " + token))
          .onSuccess(opened -> opened.textMessageHandler(text -> received.add(new JsonObject(text)))));
      long deadline = System.nanoTime() + INTERVAL.plus(SLACK).multipliedBy(2).toNanos();
      boolean subscribed = false;
      while (System.nanoTime() < deadline) {
        JsonObject message = received.poll(200, TimeUnit.MILLISECONDS);
        String type = message == null ? "" : message.getString("type");
        if (type.equals("welcome") && !subscribed) {
          await(socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("all", true).encode()));
          subscribed = true;
        } else if (type.equals("run") && runner.equals(message.getJsonObject("data").getString("runner"))) {
          return true;
        }
      }
      return false;
    } finally {
      await(client.close());
    }
  }

  private Replica start(String name) {
    Replica replica = Replica.start(name, dir.resolve(name), flags, env);
    replicas.add(replica);
    return replica;
  }

  /** These replicas, and only they, are alive and hold every shard between them. */
  private boolean sharing(Replica... live) {
    int held = 0;
    for (Replica replica : live) {
      if (!replica.isAlive()) {
        throw new AssertionFailedError(replica.name + " ended:\n" + replica.tail());
      }
      if (!replica.monitoring() || replica.alive() != live.length) {
        return false;
      }
      held += replica.held();
    }
    return held == 128;
  }

  private Path tenants(SandboxOdoo sandbox) throws Exception {
    Path tenants = Files.createDirectories(dir.resolve("tenants"));
    for (int i = 1; i <= TENANTS; i++) {
      Files.writeString(tenants.resolve(String.format("clinic-%02d.yaml", i)), String.join("\n",
          "name: Clinic " + i,
          "odoo:",
          "  url: " + sandbox.baseUrl(),
          "  database: clinic",
          "  login: admin",
          "  password: {env: SANDBOX_PASSWORD}",
          "journeys:",
          "  - {id: health, interval: " + INTERVAL.toSeconds() + "s}",
          "  - {id: login, interval: " + INTERVAL.toSeconds() + "s}",
          ""));
    }
    return tenants;
  }

  private Path journeys() throws Exception {
    Path journeys = Files.createDirectories(dir.resolve("journeys"));
    for (String journey : List.of("health.yaml", "login.yaml")) {
      Files.copy(PROJECT.resolve("journeys").resolve(journey), journeys.resolve(journey));
    }
    return journeys;
  }

  private void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        StringBuilder state = new StringBuilder();
        replicas.forEach(replica -> state.append('\n').append(replica.name).append(": ").append(replica.tail()));
        throw new AssertionFailedError("not " + what + " within " + limit.toSeconds() + " s" + state);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted", e);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
