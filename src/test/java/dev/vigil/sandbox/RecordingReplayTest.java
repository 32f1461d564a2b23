package dev.vigil.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays every recorded call of a real Odoo server, in order, against a fresh sandbox of the
 * same version and database, through a real socket with a cookie-keeping client, and compares
 * each answer with the recorded one ({@link ReplayMatcher}). Recorded ids of records created
 * during the recording are mapped to the sandbox's as they appear ({@link ReplayIds}); the demo
 * records' ids must match. All differences of a file are reported together.
 */
@ExtendWith(VertxExtension.class)
class RecordingReplayTest {

  private WebClient client;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "odoo18-clinic_north.jsonl", "odoo16-hospital_group.jsonl",
    "odoo18-invoicechain.jsonl", "odoo16-invoicechain.jsonl",
    "odoo18-crossversion.jsonl", "odoo16-crossversion.jsonl"})
  @DisplayName("A sandbox of the recorded version answers every recorded call as the real server did")
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void replaysRecording(String file, Vertx vertx, VertxTestContext testContext) {
    List<Recording> calls = Recording.load("recordings/" + file);
    int version = Integer.parseInt(file.substring("odoo".length(), "odoo".length() + 2));
    String database = calls.get(0).database();
    SandboxConfig config = SandboxConfig.defaults(version, database).withLatencyScale(0);
    List<String> differences = new ArrayList<>();
    ReplayIds ids = new ReplayIds();
    SandboxOdoo.start(vertx, config).compose(sandbox -> {
      client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(sandbox.port())
          .setDefaultHost("127.0.0.1").setFollowRedirects(false));
      WebClientSession session = WebClientSession.create(client);
      Future<Void> replay = Future.succeededFuture();
      for (Recording call : calls) {
        replay = replay.compose(ignored -> send(session, call, ids)
            .map(response -> {
              differences.addAll(check(call, response, ids, database));
              return null;
            }));
      }
      return replay.eventually(sandbox::stop);
    }).onComplete(testContext.succeeding(ignored -> testContext.verify(() -> {
      assertTrue(calls.size() >= 14, "the recording holds its calls");
      assertEquals(List.of(), differences, () -> differences.size() + " differences:\n" + String.join("\n", differences));
      testContext.completeNow();
    })));
  }

  private static Future<HttpResponse<Buffer>> send(WebClientSession session, Recording call, ReplayIds ids) {
    HttpRequest<Buffer> request = session.request(HttpMethod.valueOf(call.method()), call.path());
    if (call.rawRequest() != null) {
      return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(call.rawRequest()));
    }
    if (call.request() != null) {
      return request.sendJsonObject(ids.translateRequest(call.request(), call.odooMethod()));
    }
    return request.send();
  }

  private static List<String> check(Recording call, HttpResponse<Buffer> response, ReplayIds ids, String database) {
    String body = response.bodyAsString() == null ? "" : response.bodyAsString();
    Object recordedResult = call.response() instanceof io.vertx.core.json.JsonObject recorded
        ? recorded.getValue("result") : null;
    Object actualResult = null;
    if (recordedResult != null && body.startsWith("{")) {
      actualResult = new io.vertx.core.json.JsonObject(body).getValue("result");
      ids.learn(recordedResult, actualResult, call.odooMethod());
    }
    Object expectedResult = ids.translateResult(recordedResult, call.odooMethod());
    return ReplayMatcher.differences(call, response.statusCode(), body, expectedResult, database);
  }
}
