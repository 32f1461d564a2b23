package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.AssertionOp;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Condition;
import dev.vigil.domain.Journey;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Step;
import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.TenantJourney;
import dev.vigil.domain.Tier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Steps become the domain records the engine runs")
class DesugaringTest {
  private static final String JOURNEY = """
      id: every-action
      description: One step per action key
      params:
        partner: Azure Interior
      steps:
        - name: login
          login:
        - name: fresh-login
          login: {fresh: true}
        - name: find
          search_read:
            model: res.partner
            domain: [[name, "=", "${params.partner}"]]
            fields: [id, name]
            limit: 1
            order: id desc
          extract: {partner: "result[0].id"}
        - name: read-all
          read: {model: res.partner, ids: "${vars.partner}"}
        - name: read-some
          read: {model: res.partner, ids: ["${vars.partner}", 7], fields: [name], context: {lang: fr_FR}}
        - name: create
          create:
            model: account.move
            values: {partner_id: "${vars.partner}", amount: 100.5, lines: [[0, 0, {qty: 1}]], note: null}
            context: {default_move_type: out_invoice}
          extract: {move: result}
        - name: write
          write: {model: account.move, ids: ["${vars.move}"], values: {ref: "check ${run.id}"}}
        - name: unlink
          unlink: {model: account.move, ids: ["${vars.move}"]}
        - name: validate
          action:
            model: stock.picking
            method: button_validate
            ids: [1]
            follow: {stock.immediate.transfer: process}
        - name: direct
          call:
            model: res.partner
            method: name_search
            args: [Azure]
            kwargs: {limit: 5000000000, operator: ilike}
        - name: journal
          ensure:
            model: account.journal
            domain: [[code, "=", VSYN]]
            values: {name: Synthetic, code: VSYN}
        - name: wait
          poll:
            model: account.move
            method: search_count
            args: [[[state, "=", posted]]]
            until:
              - {path: result, greater_than: 0}
        - name: health
          http: {url: /web/health}
        - name: version
          http:
            method: POST
            url: https://status.example.com/api
            headers: {X-Run: "${run.id}"}
            body: {jsonrpc: "2.0", params: {}}
            expect_status: 200
        - name: modules
          require_modules: [purchase, stock]
          timeout: 5s
          budget: 800ms
          soft: true
          when: odoo >= 17 and move is set and partner != 0
          assert:
            - {path: result, equals: true}
          fallback:
            name: modules-fallback
            login: {}
      """;

  private static Journey journey;

  @BeforeAll
  static void load(@TempDir Path dir) throws CatalogException {
    Catalog catalog = new CatalogFiles(dir).journey("every-action.yaml", JOURNEY).load();
    journey = catalog.journey("every-action").orElseThrow();
  }

  private static Step step(String name) {
    return journey.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static OdooCall call(String name) {
    return assertInstanceOf(OdooCall.class, step(name).action());
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  @DisplayName("login takes fresh, false by default, also when its body is left empty")
  void login() {
    assertEquals(new StepAction.Login(false), step("login").action());
    assertEquals(new StepAction.Login(true), step("fresh-login").action());
  }

  @Test
  @DisplayName("search_read becomes search_read([domain]) with only the keyword arguments given")
  void searchRead() {
    assertEquals(new OdooCall("res.partner", "search_read",
            list(list(list("name", "=", "${params.partner}"))),
            map("fields", list("id", "name"), "limit", 1, "order", "id desc"), Map.of()),
        call("find"));
  }

  @Test
  @DisplayName("read becomes read(ids) or read(ids, fields), context going to kwargs")
  void read() {
    assertEquals(new OdooCall("res.partner", "read", list("${vars.partner}"), Map.of(), Map.of()),
        call("read-all"));
    assertEquals(new OdooCall("res.partner", "read", list(list("${vars.partner}", 7), list("name")),
            map("context", map("lang", "fr_FR")), Map.of()),
        call("read-some"));
  }

  @Test
  @DisplayName("create becomes create(values) with plain Java values, nulls inside kept")
  void create() {
    Map<String, Object> values = map("partner_id", "${vars.partner}", "amount", 100.5,
        "lines", list(list(0, 0, map("qty", 1))), "note", null);
    assertEquals(new OdooCall("account.move", "create", list(values),
            map("context", map("default_move_type", "out_invoice")), Map.of()),
        call("create"));
  }

  @Test
  @DisplayName("write becomes write(ids, values) and unlink becomes unlink(ids)")
  void writeAndUnlink() {
    assertEquals(new OdooCall("account.move", "write",
            list(list("${vars.move}"), map("ref", "check ${run.id}")), Map.of(), Map.of()),
        call("write"));
    assertEquals(new OdooCall("account.move", "unlink", list(list("${vars.move}")), Map.of(), Map.of()),
        call("unlink"));
  }

  @Test
  @DisplayName("action becomes model.method(ids) and keeps follow")
  void action() {
    assertEquals(new OdooCall("stock.picking", "button_validate", list(list(1)), Map.of(),
            Map.of("stock.immediate.transfer", "process")),
        call("validate"));
  }

  @Test
  @DisplayName("call is passed through; a whole number beyond int stays a Long")
  void directCall() {
    OdooCall call = call("direct");
    assertEquals(new OdooCall("res.partner", "name_search", list("Azure"),
        map("limit", 5_000_000_000L, "operator", "ilike"), Map.of()), call);
    assertInstanceOf(Long.class, call.kwargs().get("limit"));
  }

  @Test
  @DisplayName("ensure keeps its domain and values")
  void ensure() {
    assertEquals(new StepAction.Ensure("account.journal", list(list("code", "=", "VSYN")),
        map("name", "Synthetic", "code", "VSYN")), step("journal").action());
  }

  @Test
  @DisplayName("poll wraps a call, with every 1s and within 30s by default")
  void poll() {
    StepAction.Poll poll = assertInstanceOf(StepAction.Poll.class, step("wait").action());
    assertEquals(new OdooCall("account.move", "search_count",
        list(list(list("state", "=", "posted"))), Map.of(), Map.of()), poll.call());
    assertEquals(Duration.ofSeconds(1), poll.every());
    assertEquals(Duration.ofSeconds(30), poll.within());
    assertEquals(1, poll.until().size());
    Assertion until = poll.until().get(0);
    assertEquals(AssertionOp.GREATER_THAN, until.op());
    assertEquals(0, until.expected());
  }

  @Test
  @DisplayName("http defaults to GET, no headers, no body and any status below 400")
  void httpDefaults() {
    assertEquals(new StepAction.Http("GET", "/web/health", Map.of(), null, 0), step("health").action());
  }

  @Test
  @DisplayName("http keeps method, absolute url, headers, body and expected status")
  void http() {
    assertEquals(new StepAction.Http("POST", "https://status.example.com/api",
            Map.of("X-Run", "${run.id}"), map("jsonrpc", "2.0", "params", map()), 200),
        step("version").action());
  }

  @Test
  @DisplayName("A step's options are read; a bare step gets the defaults")
  void stepOptions() {
    Step modules = step("modules");
    assertEquals(new StepAction.RequireModules(List.of("purchase", "stock")), modules.action());
    assertEquals(Duration.ofSeconds(5), modules.timeout());
    assertEquals(Optional.of(Duration.ofMillis(800)), modules.budget());
    assertTrue(modules.soft());
    assertEquals(List.of(new Condition.OdooVersion(Condition.Comparison.GE, 17),
            new Condition.VariableSet("move", true),
            new Condition.VariableEquals("partner", "0", false)),
        modules.when().orElseThrow().clauses());
    assertEquals("modules-fallback", modules.fallback().orElseThrow().name());
    Assertion check = modules.assertions().get(0);
    assertEquals(new Assertion("result", AssertionOp.EQUALS, true, check.source()), check);

    Step health = step("health");
    assertEquals(Duration.ofSeconds(30), health.timeout());
    assertEquals(Optional.empty(), health.budget());
    assertEquals(false, health.soft());
    assertEquals(Optional.empty(), health.when());
    assertEquals(Optional.empty(), health.fallback());
    assertEquals(Map.of("partner", "result[0].id"), step("find").extract());
  }

  @Test
  @DisplayName("Journeys, steps and assertions know where they were written")
  void sourcePositions() {
    assertEquals(1, journey.source().line());
    assertTrue(journey.source().file().endsWith("every-action.yaml"));
    SourcePos find = step("find").source();
    assertEquals(10, find.line());
    assertEquals(5, find.column());
    SourcePos until = ((StepAction.Poll) step("wait").action()).until().get(0).source();
    assertEquals(55, until.line());
  }

  @Test
  @DisplayName("A journey without timeout gets 60s; its params are plain values")
  void journeyDefaults() {
    assertEquals(Duration.ofSeconds(60), journey.timeout());
    assertEquals(Map.of("partner", "Azure Interior"), journey.params());
    assertEquals(List.of(), journey.teardown());
  }

  @Test
  @DisplayName("A tenant gets its defaults: session api, shared tier, UTC, no placement, 60s interval")
  void tenantDefaults(@TempDir Path dir) throws CatalogException {
    Catalog catalog = new CatalogFiles(dir)
        .journey("every-action.yaml", JOURNEY)
        .tenant("clinic-north.yaml", """
            name: Clinic North
            odoo:
              url: HTTPS://Clinic-North.example.com:8443/
              database: clinic_north
              login: vigil-monitor
              password: {file: /run/secrets/clinic-north}
            journeys:
              - id: every-action
                params: {partner: Deco Addict}
                budget: 3s
            """)
        .load();

    Tenant tenant = catalog.tenant("clinic-north").orElseThrow();
    assertEquals(URI.create("https://clinic-north.example.com:8443"), tenant.baseUrl());
    assertEquals(OdooApi.SESSION, tenant.api());
    assertEquals(Tier.SHARED, tenant.tier());
    assertEquals("UTC", tenant.timezone());
    assertEquals(Map.of(), tenant.placement());
    assertEquals(Set.of(), tenant.allowedOrigins());
    assertEquals(new SecretRef.File("/run/secrets/clinic-north"), tenant.credentials().secret());
    assertEquals("vigil-monitor", tenant.credentials().login());
    assertEquals(List.of(new TenantJourney("every-action", Duration.ofSeconds(60),
        Map.of("partner", "Deco Addict"), Optional.of(Duration.ofSeconds(3)))), tenant.journeys());
    assertEquals(1, tenant.source().line());
  }

  @Test
  @DisplayName("A tenant's explicit settings are read: json2 with api_key, dedicated, origins, placement")
  void tenantSettings(@TempDir Path dir) throws CatalogException {
    Catalog catalog = new CatalogFiles(dir)
        .journey("every-action.yaml", JOURNEY)
        .tenant("lab.yaml", """
            name: Lab
            odoo:
              url: http://127.0.0.1:8069
              database: lab
              api: json2
              login: admin
              api_key: {env: LAB_KEY}
            tier: dedicated
            placement: {odoo_pool: pool-a, rack: 3}
            timezone: Europe/Brussels
            allowed_origins: [https://status.example.com, "http://10.0.0.5:8080"]
            journeys:
              - {id: every-action, interval: 5m}
            """)
        .load();

    Tenant tenant = catalog.tenant("lab").orElseThrow();
    assertEquals(OdooApi.JSON2, tenant.api());
    assertEquals(new SecretRef.Env("LAB_KEY"), tenant.credentials().secret());
    assertEquals(Tier.DEDICATED, tenant.tier());
    assertEquals(Map.of("odoo_pool", "pool-a", "rack", "3"), tenant.placement());
    assertEquals("Europe/Brussels", tenant.timezone());
    assertEquals(Set.of("https://status.example.com", "http://10.0.0.5:8080"), tenant.allowedOrigins());
    assertEquals(Duration.ofMinutes(5), tenant.journeys().get(0).interval());
  }
}
