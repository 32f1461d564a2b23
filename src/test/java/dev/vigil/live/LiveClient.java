package dev.vigil.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of the live stream: a real Vert.x WebSocket whose text messages are collected for
 * the test thread to wait on. Its methods block: call them from the test thread.
 */
final class LiveClient implements AutoCloseable {
  final WebSocketClient client;
  final WebSocket socket;
  final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();

  private LiveClient(WebSocketClient client, WebSocketConnectOptions connect) throws Exception {
    this.client = client;
    // handlers are set on the event loop as the upgrade completes: a message right behind it is never missed
    this.socket = await(client.connect(connect).onSuccess(ws -> {
      ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
      ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }));
  }

  /** Connects; {@code token} in the upgrade's Authorization header unless null. */
  static LiveClient connect(Vertx vertx, int port, String uri, String token, String origin, int receiveBuffer)
      throws Exception {
    WebSocketClientOptions options = new WebSocketClientOptions().setMaxMessageSize(64 * 1024 * 1024)
        .setMaxFrameSize(1024 * 1024);
    if (receiveBuffer > 0) {
      options.setReceiveBufferSize(receiveBuffer);
    }
    WebSocketClient client = vertx.createWebSocketClient(options);
    WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    if (token != null) {
      connect.addHeader("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      connect.addHeader("Origin", origin);
    }
    try {
      return new LiveClient(client, connect);
    } catch (Exception e) {
      client.close();
      throw e;
    }
  }

  static LiveClient connect(Vertx vertx, int port, String token) throws Exception {
    return connect(vertx, port, "/ws", token, null, 0);
  }

  void send(JsonObject message) throws Exception {
    await(socket.writeTextMessage(message.encode()));
  }

  void subscribe(String... tenants) throws Exception {
    send(new JsonObject().put("type", "subscribe").put("tenants", new io.vertx.core.json.JsonArray(List.of(tenants))));
  }

  /** The next message of this type, skipping others; fails after 20 s. */
  JsonObject next(String type) throws Exception {
    return next(m -> type.equals(m.getString("type")), type);
  }

  JsonObject next(Predicate<JsonObject> wanted, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      JsonObject message = messages.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    throw new AssertionError("no " + what + " message within 20 s");
  }

  /** Every message received so far, removed. */
  List<JsonObject> drain() {
    List<JsonObject> all = new ArrayList<>();
    messages.drainTo(all);
    return all;
  }

  short awaitClose() throws Exception {
    return closed.get(20, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
