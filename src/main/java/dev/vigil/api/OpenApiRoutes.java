package dev.vigil.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of Vigil's HTTP interface
 * ({@value #RESOURCE} in the jar, written as YAML, served as JSON), without a token: it describes,
 * it holds no data. Read and converted once, on a worker thread, at the first request.
 */
public final class OpenApiRoutes implements ApiRoutes {
  public static final String PATH = RestRoutes.PREFIX + "/openapi.json";
  static final String RESOURCE = "openapi/vigil-api.yaml";

  private final Vertx vertx;
  private Future<String> document;

  public OpenApiRoutes(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void mount(Router router) {
    router.get(PATH).handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    if (document == null) {
      document = vertx.executeBlocking(() -> load().encode());
    }
    document
        .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json))
        .onFailure(ctx::fail);
  }

  /** The document as JSON. Blocking: reads a resource of the jar. */
  @SuppressWarnings("unchecked")
  static JsonObject load() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Object yaml = new Load(LoadSettings.builder().build())
          .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new JsonObject((Map<String, Object>) yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
