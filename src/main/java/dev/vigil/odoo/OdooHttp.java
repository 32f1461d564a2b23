package dev.vigil.odoo;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends one HTTP request to one Odoo server, within what is left of a deadline, without following
 * redirects (a redirect to the login page means a lost session, which the caller must see).
 * Runs on the caller's context; transport failures come back as {@link OdooFault}s (TIMEOUT or
 * CONNECTION), any HTTP status as a response.
 */
final class OdooHttp {
  private final WebClient client;
  private final String base;
  private final String hostPort;
  private final long connectTimeoutMillis;

  OdooHttp(WebClient client, URI baseUrl, String hostPort, Duration connectTimeout) {
    this.client = client;
    String url = baseUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.hostPort = hostPort;
    this.connectTimeoutMillis = connectTimeout.toMillis();
  }

  /** POSTs a JSON body. */
  Future<HttpResponse<Buffer>> postJson(
      String path, MultiMap headers, Buffer body, Deadline deadline, String what) {
    HttpRequest<Buffer> request = client.requestAbs(HttpMethod.POST, base + path);
    request.putHeaders(headers);
    request.putHeader("Content-Type", "application/json; charset=utf-8");
    request.putHeader("Accept", "application/json");
    return send(request, body, deadline, what);
  }

  /** GETs a path. */
  Future<HttpResponse<Buffer>> get(String path, Deadline deadline, String what) {
    HttpRequest<Buffer> request = client.requestAbs(HttpMethod.GET, base + path);
    request.putHeader("Accept", "application/json");
    return send(request, null, deadline, what);
  }

  private Future<HttpResponse<Buffer>> send(
      HttpRequest<Buffer> request, Buffer body, Deadline deadline, String what) {
    long millis = deadline.remainingMillis();
    if (millis <= 0) {
      return Future.failedFuture(OdooFaults.timeout(what, deadline.totalMillis(), null));
    }
    long connectMillis = Math.min(connectTimeoutMillis, millis);
    request
        .followRedirects(false)
        .timeout(millis)
        .connectTimeout(connectMillis);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(body);
    // timeout() above bounds silence; this bounds the whole exchange, even a trickling answer.
    return sent.timeout(millis, TimeUnit.MILLISECONDS)
        .recover(err -> Future.failedFuture(
            OdooFaults.transport(what, err, deadline.totalMillis(), connectMillis, hostPort)));
  }

  /** Percent-encodes one path segment (model and method names are plain, but never trust that). */
  static String segment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
