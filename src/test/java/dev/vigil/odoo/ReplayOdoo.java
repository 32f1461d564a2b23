package dev.vigil.odoo;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in Odoo for tests, over real sockets: it answers each request with the recorded answer
 * (status, body, Set-Cookie) of the recorded call with the same method, path and JSON-RPC
 * {@code params}, or with the answers a test scripted for the path, in order. Keeps every request
 * it received, for assertions. Unmatched requests get a 599 naming them, which fails the test.
 */
final class ReplayOdoo {
  private final Vertx vertx;
  private final List<Recording> recordings;
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  /** A request as the server got it. */
  record Received(String method, String path, MultiMap headers, Buffer body) {

    JsonObject json() {
      return body.toJsonObject();
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * An answer: a status, headers and a body, sent after {@code gate} completes; a {@code silent}
   * answer is never sent.
   */
  record Answer(int status, Map<String, String> headers, Buffer body, Future<?> gate, boolean silent) {

    static Answer recorded(Recording call) {
      Map<String, String> headers = new java.util.HashMap<>();
      Buffer body;
      if (call.response() instanceof JsonObject json) {
        headers.put("Content-Type", "application/json");
        body = json.toBuffer();
      } else {
        String text = String.valueOf(call.response());
        headers.put("Content-Type", text.startsWith("<") ? "text/html; charset=utf-8" : "text/plain");
        body = Buffer.buffer(text);
      }
      if (call.setCookie() != null) {
        headers.put("Set-Cookie", call.setCookie());
      }
      return new Answer(call.status(), Map.copyOf(headers), body, null, false);
    }

    static Answer json(int status, Object body) {
      Buffer encoded = body == null ? Buffer.buffer("null") : Buffer.buffer(io.vertx.core.json.Json.encode(body));
      return new Answer(status, Map.of("Content-Type", "application/json"), encoded, null, false);
    }

    static Answer text(int status, String contentType, String body) {
      return new Answer(status, Map.of("Content-Type", contentType), Buffer.buffer(body), null, false);
    }

    static Answer redirect(String location) {
      return new Answer(303, Map.of("Location", location), Buffer.buffer(), null, false);
    }

    static Answer never() {
      return new Answer(0, Map.of(), Buffer.buffer(), null, true);
    }

    /** The same answer with another session cookie. */
    Answer withSessionId(String sessionId) {
      Map<String, String> changed = new java.util.HashMap<>(headers);
      changed.put("Set-Cookie", "session_id=" + sessionId + "; HttpOnly; Path=/");
      return new Answer(status, Map.copyOf(changed), body, gate, silent);
    }

    /** The same answer, held back until {@code gate} completes. */
    Answer after(Future<?> gate) {
      return new Answer(status, headers, body, gate, silent);
    }
  }

  ReplayOdoo(Vertx vertx, List<Recording> recordings) {
    this.vertx = vertx;
    this.recordings = List.copyOf(recordings);
  }

  /** A server that only answers what tests script. */
  ReplayOdoo(Vertx vertx) {
    this(vertx, List.of());
  }

  Future<ReplayOdoo> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
        .listen(0, "127.0.0.1")
        .map(listening -> {
          server = listening;
          return this;
        });
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** Answers the next requests to {@code path} with these answers, in order, then replays again. */
  ReplayOdoo script(String path, Answer... answers) {
    Deque<Answer> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(answers));
    }
    return this;
  }

  /** Like {@link #script}, for one {@code service.method} of {@code /jsonrpc}, e.g. {@code common.login}. */
  ReplayOdoo scriptJsonRpc(String serviceMethod, Answer... answers) {
    return script("/jsonrpc#" + serviceMethod, answers);
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  int count(String path) {
    return received(path).size();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpServerRequest request, Buffer body) {
    received.add(new Received(request.method().name(), request.path(),
        MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body));
    Answer answer = scripted(request.path() + "#" + serviceMethod(body));
    if (answer == null) {
      answer = scripted(request.path());
    }
    if (answer == null) {
      answer = replayed(request, body);
    }
    if (answer.silent()) {
      return;
    }
    Answer chosen = answer;
    Future<?> gate = chosen.gate() == null ? Future.succeededFuture() : chosen.gate();
    gate.onComplete(ignored -> {
      request.response().setStatusCode(chosen.status());
      chosen.headers().forEach(request.response()::putHeader);
      request.response().end(withRequestId(chosen.body(), body));
    });
  }

  private Answer scripted(String path) {
    Deque<Answer> queue = scripts.get(path);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.pollFirst();
    }
  }

  private Answer replayed(HttpServerRequest request, Buffer body) {
    JsonObject params = params(body);
    return recordings.stream()
        .filter(r -> r.method().equals(request.method().name()) && r.path().equals(request.path()))
        .filter(r -> r.params() == null ? params == null : r.params().equals(params))
        .findFirst()
        .map(Answer::recorded)
        .orElseGet(() -> Answer.text(599, "text/plain",
            "no recorded call for " + request.method() + " " + request.path() + " " + params));
  }

  private static String serviceMethod(Buffer body) {
    JsonObject params = params(body);
    return params == null ? "" : params.getValue("service") + "." + params.getValue("method");
  }

  private static JsonObject params(Buffer body) {
    try {
      return body.length() == 0 ? null : body.toJsonObject().getJsonObject("params");
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /** Recorded answers carry the recorded id; give them the id of the request they answer. */
  private static Buffer withRequestId(Buffer answer, Buffer request) {
    try {
      JsonObject json = answer.toJsonObject();
      Object id = request.toJsonObject().getValue("id");
      if (json.getValue("id") != null && id != null) {
        return json.put("id", id).toBuffer();
      }
    } catch (DecodeException | ClassCastException | IllegalStateException e) {
      // not a JSON-RPC exchange: answer as recorded
    }
    return answer;
  }
}
