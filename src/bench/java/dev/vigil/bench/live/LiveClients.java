package dev.vigil.bench.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many live-stream clients, each with a tenant admin's token (upgrade header) subscribed to its
 * tenant, recording for every run event the delivery latency: receipt − the run's end (start +
 * duration + teardown), both read from this machine's clock.
 */
final class LiveClients {
  private final Vertx vertx;
  private final WebSocketClient client;
  private final List<WebSocket> sockets = new ArrayList<>();
  private final List<Double> latencies = new ArrayList<>();
  final AtomicLong snapshots = new AtomicLong();
  final AtomicLong resyncs = new AtomicLong();
  final AtomicLong closed = new AtomicLong();
  final AtomicLong runEvents = new AtomicLong();
  private volatile boolean measuring;

  LiveClients(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(64 * 1024 * 1024)
        .setMaxConnections(100_000).setConnectTimeout(10_000));
  }

  /** Opens one client per (token, tenant), at most {@code parallel} handshakes at once. */
  void open(int port, List<String[]> tokensAndTenants, int parallel) throws Exception {
    for (int from = 0; from < tokensAndTenants.size(); from += parallel) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (String[] pair : tokensAndTenants.subList(from, Math.min(tokensAndTenants.size(), from + parallel))) {
        batch.add(connect(port, pair[0], pair[1]));
      }
      Future.all(batch).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      batch.forEach(f -> sockets.add(f.result()));
    }
  }

  private Future<WebSocket> connect(int port, String token, String tenant) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .addHeader("Authorization", "Bearer " + token);
    return client.connect(options).onSuccess(socket -> {
      String subscribe = new JsonObject().put("type", "subscribe").put("tenants", new JsonArray().add(tenant)).encode();
      socket.textMessageHandler(text -> onMessage(socket, subscribe, text));
      socket.closeHandler(v -> closed.incrementAndGet());
    });
  }

  private void onMessage(WebSocket socket, String subscribe, String text) {
    Instant received = Instant.now();
    JsonObject message = new JsonObject(text);
    switch (String.valueOf(message.getString("type"))) {
      case "welcome" -> socket.writeTextMessage(subscribe);
      case "snapshot" -> snapshots.incrementAndGet();
      case "resync" -> {
        resyncs.incrementAndGet();
        socket.writeTextMessage(subscribe);
      }
      case "run" -> {
        runEvents.incrementAndGet();
        if (measuring) {
          record(received, message.getJsonObject("data"));
        }
      }
      default -> { }
    }
  }

  private void record(Instant received, JsonObject run) {
    double teardown = run.getJsonArray("teardown").stream().mapToDouble(s -> ((JsonObject) s).getDouble("durationMs")).sum();
    Instant end = Instant.parse(run.getString("startedAt"))
        .plusNanos(Math.round((run.getDouble("durationMs") + teardown) * 1e6));
    double latency = Duration.between(end, received).toNanos() / 1e6;
    synchronized (latencies) {
      latencies.add(latency);
    }
  }

  void measure(boolean on) {
    measuring = on;
  }

  int open() {
    return sockets.size() - (int) closed.get();
  }

  /** The latencies recorded, sorted, in milliseconds. */
  double[] latencies() {
    synchronized (latencies) {
      return latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
  }

  void close() throws Exception {
    sockets.forEach(WebSocket::close);
    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
