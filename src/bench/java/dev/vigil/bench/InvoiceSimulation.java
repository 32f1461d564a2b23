package dev.vigil.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Vigil's {@code invoice-posting} journey as a Gatling load test, request for request: each virtual
 * user logs in once ({@code /web/session/authenticate}, keeping its session cookie), then until the
 * time is up finds the synthetic journal (creating it if missing), the partner and the product,
 * creates an invoice, posts it, reads it back twice, resets it to draft and deletes it — the same
 * {@code call_kw} requests with the same bodies as Vigil, every answer parsed and checked for a
 * JSON-RPC error as Vigil does. Connections are shared between users, as Vigil's client shares
 * them between tenants.
 *
 * <p>Run by {@link GatlingRun} with system properties {@code bench.gatling.targets} (a file of
 * {@code baseUrl,database} lines, one per user), {@code bench.gatling.users} and
 * {@code bench.gatling.seconds}; the password comes from {@link TenantGenerator#PASSWORD_ENV}.
 */
public class InvoiceSimulation extends Simulation {
  private static final String CALL_KW = "#{baseUrl}/web/dataset/call_kw/";

  public InvoiceSimulation() {
    int users = Integer.getInteger("bench.gatling.users");
    Duration loop = Duration.ofSeconds(Long.getLong("bench.gatling.seconds"));
    String password = System.getenv(TenantGenerator.PASSWORD_ENV);
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    ChainBuilder login = exec(session -> session.set("ref", "synthetic-check gatling-" + session.userId()))
        .exec(rpc("authenticate", "#{baseUrl}/web/session/authenticate",
        "{\"db\":\"#{database}\",\"login\":\"admin\",\"password\":\"" + password + "\"}")
        .check(jmesPath("result.uid").ofInt().exists()))
        .exitHereIfFailed();

    ChainBuilder invoice = exec(
        call("account.journal", "search", "[[[\"code\",\"=\",\"VSYN\"]]]", "{\"limit\":1}")
            .check(jmesPath("result[0]").ofInt().optional().saveAs("journal")))
        .doIf(session -> !session.contains("journal")).then(exec(
            call("account.journal", "create",
                "[{\"name\":\"Synthetic checks (Vigil)\",\"code\":\"VSYN\",\"type\":\"sale\"}]", "{}")
                .check(jmesPath("result").ofInt().saveAs("journal"))))
        .exec(call("res.partner", "search_read", "[[[\"name\",\"=\",\"Azure Interior\"]]]",
                "{\"fields\":[\"id\",\"name\"],\"limit\":1}")
            .check(jmesPath("result[0].id").ofInt().saveAs("partner")))
        .exec(call("product.product", "search_read",
                "[[[\"sale_ok\",\"=\",true],[\"default_code\",\"=\",\"FURN_7800\"]]]",
                "{\"fields\":[\"id\",\"display_name\"],\"limit\":1}")
            .check(jmesPath("result[0].id").ofInt().saveAs("product")))
        .exec(call("account.move", "create", "[{\"move_type\":\"out_invoice\",\"journal_id\":#{journal},"
                + "\"partner_id\":#{partner},\"invoice_date\":\"" + today + "\",\"ref\":\"#{ref}\","
                + "\"invoice_line_ids\":[[0,0,{\"product_id\":#{product},\"quantity\":1,\"price_unit\":100.0}]]}]", "{}")
            .check(jmesPath("result").ofInt().saveAs("invoice")))
        .exec(call("account.move", "action_post", "[[#{invoice}]]", "{}"))
        .exec(call("account.move", "read", "[[#{invoice}],[\"name\",\"state\",\"move_type\"]]", "{}")
            .check(jmesPath("result[0].state").is("posted")))
        .exec(call("account.move", "read", "[[#{invoice}],[\"state\"]]", "{}"))
        .exec(call("account.move", "button_draft", "[[#{invoice}]]", "{}"))
        .exec(call("account.move", "unlink", "[[#{invoice}]]", "{}"));

    ScenarioBuilder journey = scenario("invoice-posting")
        .feed(listFeeder(targets(Path.of(System.getProperty("bench.gatling.targets")))).circular())
        .exec(login)
        .during(loop).on(invoice);

    setUp(journey.injectOpen(rampUsers(users).during(Duration.ofSeconds(5))))
        .protocols(http.shareConnections().contentTypeHeader("application/json"))
        .maxDuration(loop.plusSeconds(60));
  }

  /** {@code model.method(*args, **kwargs)} through {@code call_kw}, as Vigil's session client sends it. */
  private static HttpRequestActionBuilder call(String model, String method, String args, String kwargs) {
    return rpc(model + "." + method, CALL_KW + model + "/" + method,
        "{\"model\":\"" + model + "\",\"method\":\"" + method + "\",\"args\":" + args + ",\"kwargs\":" + kwargs + "}");
  }

  private static HttpRequestActionBuilder rpc(String name, String url, String params) {
    return http(name).post(url)
        .body(StringBody("{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":" + params + ",\"id\":1}"))
        .check(jmesPath("error").notExists());
  }

  private static List<Map<String, Object>> targets(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(line -> line.split(","))
          .map(parts -> Map.<String, Object>of("baseUrl", parts[0], "database", parts[1]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
