package dev.vigil.engine.e2e;

import dev.vigil.bootstrap.Engine;
import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import dev.vigil.engine.RunIds;
import dev.vigil.engine.RunRequest;
import dev.vigil.odoo.OdooClient;
import dev.vigil.odoo.OdooRpcClient;
import dev.vigil.odoo.OdooTarget;
import dev.vigil.sandbox.SandboxConfig;
import dev.vigil.sandbox.SandboxControl;
import dev.vigil.sandbox.SandboxOdoo;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One sandbox Odoo and the production engine ({@link Engine}) pointed at it, for end-to-end tests:
 * runs journeys for tenants of the sandbox over real sockets, and inspects the sandbox's databases
 * through a separate client (stateless {@code /jsonrpc} as admin, so that it survives
 * {@link SandboxControl#expireAllSessions()} and never logs in more than once per database).
 *
 * <p>Passwords are distinct, unusual strings so that a test can prove none of them ever shows up in
 * a message. Runs start on one event-loop context of the test's {@link Vertx}.
 */
final class E2eSandbox {
  static final String ADMIN_PASSWORD = "adm1n-E2E-pa55word-q7";
  static final String DEMO_PASSWORD = "demo";
  static final String WRONG_PASSWORD = "wr0ng-E2E-pa55word-z9";
  static final SecretRef ADMIN_SECRET = new SecretRef.Env("E2E_ADMIN_PASSWORD");
  static final SecretRef DEMO_SECRET = new SecretRef.Env("E2E_DEMO_PASSWORD");
  static final SecretRef WRONG_SECRET = new SecretRef.Env("E2E_WRONG_PASSWORD");
  private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<SecretRef, Secret> SECRETS = Map.of(
      ADMIN_SECRET, new Secret(ADMIN_PASSWORD),
      DEMO_SECRET, new Secret(DEMO_PASSWORD),
      WRONG_SECRET, new Secret(WRONG_PASSWORD));

  private final Vertx vertx;
  private final SandboxOdoo sandbox;
  private final Engine engine;
  private final WebClient inspectorHttp;
  private final Map<String, OdooClient> inspectors = new HashMap<>();
  private final Context context;
  private final RunIds runIds = new RunIds(InstantSource.system());
  private final List<RunResult> runs = new CopyOnWriteArrayList<>();

  private E2eSandbox(Vertx vertx, SandboxOdoo sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.engine = new Engine(vertx, ref -> {
      Secret secret = SECRETS.get(ref);
      if (secret == null) {
        throw new IllegalStateException("no test secret for " + ref.describe());
      }
      return secret;
    }, "e2e");
    this.inspectorHttp = WebClient.create(vertx);
    this.context = vertx.getOrCreateContext();
  }

  /** The config every test starts from: the given version, instant answers, test passwords. */
  static SandboxConfig config(int version) {
    return SandboxConfig.defaults(version).withLatencyScale(0).withPasswords(ADMIN_PASSWORD, DEMO_PASSWORD);
  }

  /** Starts a sandbox with {@code config} and the engine pointed at it. */
  static Future<E2eSandbox> start(Vertx vertx, SandboxConfig config) {
    return SandboxOdoo.start(vertx, config).map(sandbox -> new E2eSandbox(vertx, sandbox));
  }

  SandboxControl control() {
    return sandbox.control();
  }

  URI baseUrl() {
    return URI.create(sandbox.baseUrl());
  }

  /** A tenant of database {@code db} as admin over the session API, running {@code journeyIds}. */
  Tenant tenant(String id, String db, String... journeyIds) {
    return tenant(id, baseUrl(), db, OdooApi.SESSION, new Credentials("admin", ADMIN_SECRET), Set.of(),
        journeys(Optional.empty(), journeyIds));
  }

  /** A tenant of database {@code db} as {@code login} over {@code api}, running one journey. */
  Tenant tenantAs(String id, String db, OdooApi api, String login, SecretRef secret, String journeyId) {
    return tenant(id, baseUrl(), db, api, new Credentials(login, secret), Set.of(), journeys(Optional.empty(), journeyId));
  }

  static Tenant tenant(
      String id, URI baseUrl, String db, OdooApi api, Credentials credentials, Set<String> allowedOrigins,
      List<TenantJourney> journeys) {
    return new Tenant(id, "E2E " + id, baseUrl, db, api, credentials, Tier.SHARED,
        Map.of("odoo_pool", "sandbox"), journeys, allowedOrigins, "UTC", List.of(), Optional.empty(),
        AlertContacts.NONE, SourcePos.none("e2e test"));
  }

  static List<TenantJourney> journeys(Optional<Duration> budget, String... journeyIds) {
    return java.util.Arrays.stream(journeyIds)
        .map(id -> new TenantJourney(id, Duration.ofMinutes(1), Map.of(), budget))
        .toList();
  }

  /** Runs a journey once for a tenant through the production runner, as a manual run. */
  Future<RunResult> run(Tenant tenant, Journey journey) {
    RunRequest request = new RunRequest(tenant, journey, runIds.next(), RunSource.MANUAL, Instant.now());
    Promise<RunResult> result = Promise.promise();
    context.runOnContext(ignored -> engine.runner().run(request).onSuccess(runs::add).onComplete(result));
    return result.future();
  }

  /** Every run this sandbox's engine has finished, in order. */
  List<RunResult> runs() {
    return List.copyOf(runs);
  }

  /** Runs the journey, then runs it again once the first run has ended. */
  Future<List<RunResult>> runTwice(Tenant tenant, Journey journey) {
    return run(tenant, journey).compose(first -> run(tenant, journey).map(second -> List.of(first, second)));
  }

  /** {@code model.method(*args, **kwargs)} on {@code db} as admin, through a client apart from the engine's. */
  Future<Object> inspect(String db, String model, String method, List<Object> args, Map<String, Object> kwargs) {
    Promise<Object> result = Promise.promise();
    context.runOnContext(ignored -> inspector(db).call(model, method, args, kwargs, INSPECT_TIMEOUT)
        .onComplete(result));
    return result.future();
  }

  /** How many records of {@code model} match {@code domain} in {@code db}. */
  Future<Integer> count(String db, String model, List<Object> domain) {
    return inspect(db, model, "search_count", List.of(domain), Map.of())
        .map(count -> ((Number) count).intValue());
  }

  /** Logs the inspector of {@code db} in, so that its one authentication is behind any later count. */
  Future<Void> prepareInspector(String db) {
    return count(db, "res.users", List.of()).mapEmpty();
  }

  private OdooClient inspector(String db) {
    return inspectors.computeIfAbsent(db, name -> new OdooRpcClient(vertx, inspectorHttp,
        OdooTarget.of(baseUrl(), name, "admin", () -> new Secret(ADMIN_PASSWORD), OdooApi.JSONRPC)));
  }

  /**
   * Completes once at least {@code n} requests hold a sandbox worker, e.g. once a hung database has
   * received the requests that will wait for its release. Checks every 10 ms on a timer.
   */
  Future<Void> busyWorkers(int n) {
    if (sandbox.control().busyWorkers() >= n) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(10, id -> busyWorkers(n).onComplete(later));
    return later.future();
  }

  /** Completes once the sandbox has answered at least {@code n} requests for {@code db}. Checks every 10 ms. */
  Future<Void> callsServed(String db, long n) {
    if (sandbox.control().callsServed(db) >= n) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(10, id -> callsServed(db, n).onComplete(later));
    return later.future();
  }

  /** Stops the sandbox and closes the clients. */
  Future<Void> stop() {
    return sandbox.stop().eventually(() -> {
      engine.close();
      inspectorHttp.close();
      return Future.succeededFuture();
    });
  }
}
