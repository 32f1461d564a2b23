package dev.vigil.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.api.ReadinessCheck;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The registry holds the JVM's and Vert.x's meters, with bounded labels")
class VigilMetricsTest {
  static final Function<VigilMetrics, Callable<String>> SCRAPE = m -> new PrometheusScrape(m.registry(), List.of());
  static final ReadinessCheck READY = ReadinessCheck.when(() -> true, "");
  static final Set<String> VERTX_LABELS = Set.of("method", "code", "pool_type", "pool_name", "side");
  static final Set<String> ADDRESS_LABELS = Set.of("remote", "local", "path", "route", "uri", "url");

  ServedMetrics served;
  ServedMetrics other;
  HttpServer upstream;

  @BeforeEach
  void start(VertxTestContext ctx) {
    ServedMetrics.start(SCRAPE, READY).onComplete(ctx.succeeding(started -> {
      served = started;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    Future<Void> closingOther = other == null ? Future.succeededFuture() : other.close();
    Future.join(served.close(), closingOther).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("JVM memory, GC, threads, classes, CPU, uptime and open files are scraped")
  void jvmSeries(VertxTestContext ctx) {
    served.scrape().onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
      for (String name : List.of("jvm_memory_used_bytes", "jvm_gc_max_data_size_bytes", "jvm_threads_live_threads",
          "jvm_classes_loaded_classes", "system_cpu_count", "process_cpu_usage", "process_uptime_seconds",
          "process_files_open_files")) {
        assertTrue(scraped.has(name), name);
      }
      assertTrue(scraped.value("system_cpu_count", Map.of()) >= 1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Vert.x's HTTP server, HTTP client, pool and event-loop meters land in the same registry")
  void vertxSeries(VertxTestContext ctx) {
    served.get("/health/live")
        .compose(live -> served.scrape())
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          assertTrue(scraped.value("vertx_http_server_requests_total", Map.of("code", "200", "method", "GET")) >= 1);
          assertTrue(scraped.value("vertx_http_client_requests_total", Map.of("method", "GET")) >= 1);
          assertTrue(scraped.labelSets("vertx_pool_in_use")
              .contains(Map.of("pool_type", "worker", "pool_name", "vert.x-worker-thread")));
          assertTrue(scraped.samples("netty_eventexecutor_tasks_pending").stream()
              .anyMatch(s -> s.labels().getOrDefault("name", "").startsWith("vert.x-eventloop-thread")));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Vert.x series carry only method, code, pool and side labels, never an address or a path")
  void vertxLabelsBounded(VertxTestContext ctx) {
    served.get("/health/live?tenant=clinic-north")
        .compose(live -> served.get("/no/such/page/42"))
        .compose(missing -> served.scrape())
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          Set<String> vertxLabels = new TreeSet<>();
          scraped.samples().stream().filter(s -> s.name().startsWith("vertx_"))
              .forEach(s -> vertxLabels.addAll(s.labels().keySet()));
          vertxLabels.remove("le");
          assertTrue(VERTX_LABELS.containsAll(vertxLabels), vertxLabels.toString());
          for (Scraped.Sample sample : scraped.samples()) {
            assertTrue(sample.labels().keySet().stream().noneMatch(ADDRESS_LABELS::contains), sample.toString());
            assertTrue(sample.labels().values().stream().noneMatch(v -> v.contains("/no/such")), sample.toString());
          }
          assertTrue(scraped.value("vertx_http_server_requests_total", Map.of("code", "404", "method", "GET")) >= 1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("HTTP client pools of different servers fold into one pool named 'all', without a ratio; worker pools keep theirs")
  void clientPoolsFolded(VertxTestContext ctx) {
    served.vertx.createHttpServer().requestHandler(request -> request.response().end("odoo"))
        .listen(0, "127.0.0.1")
        .compose(listening -> {
          upstream = listening;
          return served.get("/health/live");
        })
        .compose(live -> served.client().get(upstream.actualPort(), "127.0.0.1", "/web/login").send())
        .compose(odoo -> served.scrape())
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          Map<String, String> folded = Map.of("pool_type", "http", "pool_name", "all");
          assertEquals(Set.of(folded), httpPools(scraped, "vertx_pool_completed_total"));
          assertEquals(Set.of(folded), httpPools(scraped, "vertx_pool_queue_time_seconds_count"));
          assertTrue(scraped.value("vertx_pool_queue_time_seconds_count", folded) >= 2,
              "both servers' pools are counted in the folded one");
          assertEquals(Set.of(), httpPools(scraped, "vertx_pool_ratio"));
          assertTrue(scraped.labelSets("vertx_pool_ratio")
              .contains(Map.of("pool_type", "worker", "pool_name", "vert.x-worker-thread")));
          assertFalse(scraped.samples().stream()
              .anyMatch(s -> s.labels().getOrDefault("pool_name", "").contains(":")), "no host:port pool name");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Two instances in one JVM each get their own Vert.x's meters")
  void instancesKeptApart(VertxTestContext ctx) {
    ServedMetrics.start(SCRAPE, READY)
        .compose(started -> {
          other = started;
          return other.get("/health/live");
        })
        .compose(live -> other.scrape())
        .onComplete(ctx.succeeding(scraped -> ctx.verify(() -> {
          assertTrue(scraped.has("vertx_http_server_requests_total"), "the second instance's own requests");
          Scraped first = Scraped.parse(served.metrics.registry().scrape());
          assertFalse(first.has("vertx_http_server_requests_total"), "nothing was asked of the first");
          ctx.completeNow();
        })));
  }

  private static Set<Map<String, String>> httpPools(Scraped scraped, String name) {
    Set<Map<String, String>> pools = new HashSet<>();
    scraped.labelSets(name).stream().filter(labels -> "http".equals(labels.get("pool_type"))).forEach(pools::add);
    return pools;
  }
}
