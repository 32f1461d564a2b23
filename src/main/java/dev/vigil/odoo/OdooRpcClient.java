package dev.vigil.odoo;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Secret;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link OdooClient} of one tenant's Odoo database, over the API its {@link OdooTarget} names
 * (session JSON-RPC, stateless {@code /jsonrpc} or Odoo 19's {@code /json/2}).
 *
 * <p><b>Sessions.</b> One login is kept and reused by every call and run until it is lost or
 * dropped. While no login is kept, concurrent {@code login()}s and first calls share one
 * authentication. When the server says a call's session is gone (session JSON-RPC: error code 100
 * or a redirect to {@code /web/login}; {@code /jsonrpc}: {@code AccessDenied}; json/2: a 401, or a
 * 403 that is not an Odoo {@code AccessError}), the client logs in again once and retries the call
 * once; a second loss is an {@code AUTH} fault. The secret is read from the target at each
 * authentication, so a rotated password or key is picked up.
 *
 * <p><b>Time.</b> Every request has a timeout: a call's whole work (implicit login, call, re-login,
 * retry) fits in the {@code timeout} it is given. An authentication a call starts runs with the
 * target's login timeout, so that a slow login still ends up serving later calls even when the call
 * that started it gave up.
 *
 * <p><b>Threads.</b> Non-blocking; safe to share between runs on several event loops. Each method
 * completes on the Vert.x context it was called from.
 *
 * <p><b>Failures.</b> Always {@link OdooFault}s (see {@link OdooFaults} for the mapping), whose
 * messages never contain the password or API key, even where the server echoes them.
 */
public final class OdooRpcClient implements OdooClient {
  private final Vertx vertx;
  private final OdooTarget target;
  private final OdooProtocol protocol;
  private final SingleFlight<Authenticated> sessions = new SingleFlight<>();
  private final SingleFlight<ServerVersion> versions = new SingleFlight<>();
  private final Redactor redactor = new Redactor();

  /**
   * @param webClient a plain, shared WebClient (not a {@code WebClientSession}: this client keeps
   *     the session cookie itself); redirects are never followed, whatever its options say
   */
  public OdooRpcClient(Vertx vertx, WebClient webClient, OdooTarget target) {
    this.vertx = vertx;
    this.target = target;
    OdooHttp http =
        new OdooHttp(webClient, target.baseUrl(), target.hostPort(), target.connectTimeout());
    this.protocol = OdooProtocols.forTarget(target, http, new JsonRpcEnvelope());
  }

  /** The server, database, user and API this client talks to. */
  public OdooTarget target() {
    return target;
  }

  @Override
  public Future<OdooSession> login(boolean fresh, Duration timeout) {
    Context caller = vertx.getOrCreateContext();
    Deadline deadline = Deadline.in(timeout);
    return deliver(caller, protocol.loginName(),
        session(fresh, timeout, deadline, caller).map(Authenticated::session));
  }

  @Override
  public Future<Integer> version(Duration timeout) {
    Context caller = vertx.getOrCreateContext();
    Deadline deadline = Deadline.in(timeout);
    Future<ServerVersion> shared = versions.get(false, () -> protocol.detectVersion(deadline));
    return deliver(caller, "version",
        await(shared, deadline, "version", caller).map(ServerVersion::major));
  }

  @Override
  public Future<Object> call(
      String model, String method, List<Object> args, Map<String, Object> kwargs,
      Duration timeout) {
    Call call = new Call(model, method, args == null ? List.of() : args,
        kwargs == null ? Map.of() : kwargs, Deadline.in(timeout), vertx.getOrCreateContext());
    Future<Object> result = session(false, target.loginTimeout(), call.deadline(), call.caller())
        .compose(login -> send(call, login)
            .recover(failure -> retryIfLost(call, login, failure)));
    return deliver(call.caller(), call.name(), result);
  }

  @Override
  public Optional<OdooSession> session() {
    return sessions.current().map(Authenticated::session);
  }

  @Override
  public void dropSession() {
    sessions.clear();
    protocol.forget();
  }

  /** One call's arguments, deadline and the context its result goes back to. */
  private record Call(
      String model, String method, List<Object> args, Map<String, Object> kwargs,
      Deadline deadline, Context caller) {

    String name() {
      return model + "." + method;
    }
  }

  private Future<Object> send(Call call, Authenticated login) {
    return protocol.call(login, call.model(), call.method(), call.args(), call.kwargs(), call.deadline());
  }

  private Future<Object> retryIfLost(Call call, Authenticated stale, Throwable failure) {
    if (!(failure instanceof SessionLost)) {
      return Future.failedFuture(failure);
    }
    sessions.invalidate(stale);
    return session(false, target.loginTimeout(), call.deadline(), call.caller())
        .compose(renewed -> send(call, renewed))
        .recover(again -> Future.failedFuture(again instanceof SessionLost lost
            ? OdooFaults.lostTwice(call.name(), lost)
            : again));
  }

  /** The kept login, or a (shared) new one; waits no longer than the caller's deadline. */
  private Future<Authenticated> session(
      boolean fresh, Duration loginTimeout, Deadline deadline, Context caller) {
    Future<Authenticated> shared =
        sessions.get(fresh, () -> authenticate(Deadline.in(loginTimeout)));
    return await(shared, deadline, protocol.loginName(), caller);
  }

  private Future<Authenticated> authenticate(Deadline deadline) {
    return secret()
        .compose(secret -> protocol.authenticate(secret, deadline)
            .compose(login -> withVersion(secret, login, deadline)));
  }

  private Future<Authenticated> withVersion(Secret secret, Login login, Deadline deadline) {
    login.version().ifPresent(versions::set);
    Future<ServerVersion> version = login.version()
        .map(Future::succeededFuture)
        .orElseGet(() -> versions.get(false, () -> protocol.detectVersion(deadline)));
    return version.map(v ->
        new Authenticated(new OdooSession(login.uid(), v.major(), v.full()), secret));
  }

  private Future<Secret> secret() {
    Secret secret;
    try {
      secret = target.secret().get();
    } catch (RuntimeException unavailable) {
      return Future.failedFuture(OdooFaults.secretUnavailable(protocol.loginName(), unavailable));
    }
    if (secret == null) {
      return Future.failedFuture(OdooFaults.secretUnavailable(
          protocol.loginName(), new IllegalStateException("no secret was returned")));
    }
    redactor.remember(secret);
    return Future.succeededFuture(secret);
  }

  /** Bounds a shared future by this caller's deadline and brings it back to the caller's context. */
  private static <T> Future<T> await(
      Future<T> shared, Deadline deadline, String what, Context caller) {
    Future<T> bounded = shared.isComplete()
        ? shared
        : shared.timeout(deadline.remainingMillis(), TimeUnit.MILLISECONDS)
            .recover(err -> Future.failedFuture(err instanceof TimeoutException
                ? OdooFaults.timeout(what, deadline.totalMillis(), null)
                : err));
    return onContext(caller, bounded);
  }

  /** Makes every failure a scrubbed {@link OdooFault} and completes on the caller's context. */
  private <T> Future<T> deliver(Context caller, String what, Future<T> result) {
    return onContext(caller, result.recover(err -> Future.failedFuture(asFault(what, err))));
  }

  private OdooFault asFault(String what, Throwable err) {
    OdooFault fault;
    if (err instanceof OdooFault known) {
      fault = known;
    } else if (err instanceof SessionLost lost) {
      fault = new OdooFault(ErrorClass.AUTH, OdooFaults.SESSION_EXPIRED,
          what + ": the session was lost (" + lost.getMessage() + ")", 0, null);
    } else {
      fault = new OdooFault(ErrorClass.SERVER_ERROR, err.getClass().getName(),
          what + ": unexpected failure: " + err.getMessage(), 0, err);
    }
    return redactor.scrub(fault);
  }

  private static <T> Future<T> onContext(Context caller, Future<T> result) {
    Promise<T> promise = Promise.promise();
    result.onComplete(outcome -> {
      if (Vertx.currentContext() == caller) {
        promise.handle(outcome);
      } else {
        caller.runOnContext(ignored -> promise.handle(outcome));
      }
    });
    return promise.future();
  }
}
