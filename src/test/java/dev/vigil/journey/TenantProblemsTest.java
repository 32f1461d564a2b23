package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Tenant files: problems")
class TenantProblemsTest {
  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir).journey("ping.yaml", PING);
  }

  /** A tenant with the valid head (lines 1-9), {@code journeys:} on line 10 and these entries. */
  private CatalogFiles tenantWithJourneys(String entries) {
    return files.tenant("clinic.yaml", TENANT_HEAD + "journeys:\n" + entries);
  }

  /** A tenant whose odoo section (from line 2) is given. */
  private CatalogFiles tenantWithOdoo(String odoo) {
    return files.tenant("clinic.yaml", "name: Clinic\n" + odoo + "journeys:\n  - {id: ping}\n");
  }

  @Test
  @DisplayName("A tenant naming an unknown journey is refused with the nearest id")
  void unknownJourney() {
    tenantWithJourneys("  - {id: pign}\n");

    files.onlyProblem("clinic.yaml", 11, "journeys[0].id", "unknown journey 'pign': did you mean 'ping'?");
  }

  @Test
  @DisplayName("A tenant overriding a param the journey does not declare is refused")
  void undeclaredParamOverride() {
    tenantWithJourneys("""
          - id: ping
            params: {vendor: Wood Corner}
        """);

    files.onlyProblem("clinic.yaml", 12, "journeys[0].params.vendor",
        "the journey declares no param 'vendor' (declared: partner)");
  }

  @Test
  @DisplayName("A journey listed twice in a tenant is refused")
  void duplicateEntry() {
    tenantWithJourneys("""
          - {id: ping, interval: 30s}
          - {id: ping, interval: 5m}
        """);

    files.onlyProblem("clinic.yaml", 12, "journeys[1].id", "journey 'ping' is already listed at journeys[0].id (line 11)");
  }

  @Test
  @DisplayName("An interval below 10s is refused")
  void shortInterval() {
    tenantWithJourneys("  - {id: ping, interval: 5s}\n");

    files.onlyProblem("clinic.yaml", 11, "journeys[0].interval", "the interval must be 10s or more, found 5s");
  }

  @Test
  @DisplayName("An unknown key in a journey entry is refused")
  void unknownEntryKey() {
    tenantWithJourneys("  - {id: ping, intervall: 5m}\n");

    files.onlyProblem("clinic.yaml", 11, "journeys[0].intervall", "did you mean 'interval'?");
  }

  @Test
  @DisplayName("A tenant without journeys is refused")
  void noJourneys() {
    files.tenant("clinic.yaml", TENANT_HEAD + "journeys: []\n");

    files.onlyProblem("clinic.yaml", 10, "journeys", "must hold at least one item");
  }

  @Test
  @DisplayName("An unknown top-level key of a tenant is refused")
  void unknownTenantKey() {
    files.tenant("clinic.yaml", TENANT_HEAD + "jounreys:\n  - {id: ping}\n");

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 10, "jounreys", "did you mean 'journeys'?");
    assertProblem(problems, "clinic.yaml", 1, "journeys", "missing required key 'journeys'");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("An unknown key in the odoo section is refused")
  void unknownOdooKey() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          db: clinic
          database: clinic
          login: admin
          password: {env: PW}
        """);

    files.onlyProblem("clinic.yaml", 4, "odoo.db", "unknown key 'db'");
  }

  @Test
  @DisplayName("An odoo url that is not http or https is refused")
  void urlScheme() {
    tenantWithOdoo("""
        odoo:
          url: ftp://clinic.example.com
          database: clinic
          login: admin
          password: {env: PW}
        """);

    files.onlyProblem("clinic.yaml", 3, "odoo.url", "the scheme must be http or https");
  }

  @Test
  @DisplayName("An odoo url with a path is refused")
  void urlPath() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com/odoo
          database: clinic
          login: admin
          password: {env: PW}
        """);

    files.onlyProblem("clinic.yaml", 3, "odoo.url", "it must not have a path");
  }

  @Test
  @DisplayName("An odoo url with a query is refused")
  void urlQuery() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com/?db=clinic
          database: clinic
          login: admin
          password: {env: PW}
        """);

    files.onlyProblem("clinic.yaml", 3, "odoo.url", "it must not have a query or a fragment");
  }

  @Test
  @DisplayName("An odoo url carrying a password is refused without repeating it")
  void urlWithUserInfo() {
    tenantWithOdoo("""
        odoo:
          url: https://admin:s3cr3t-Pa55@clinic.example.com
          database: clinic
          login: admin
          password: {env: PW}
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 3, "odoo.url", "a user name or password must not be part of the URL");
    assertFalse(problem.toString().contains("s3cr3t-Pa55"), problem.toString());
  }

  @Test
  @DisplayName("An unknown api is refused, listing the apis")
  void unknownApi() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          api: xmlrpc
          login: admin
          password: {env: PW}
        """);

    files.onlyProblem("clinic.yaml", 5, "odoo.api", "unknown api 'xmlrpc': expected one of session, jsonrpc, json2");
  }

  @Test
  @DisplayName("api: json2 without api_key is refused")
  void json2WithoutApiKey() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          api: json2
          login: admin
        """);

    files.onlyProblem("clinic.yaml", 3, "odoo.api_key", "missing required key 'api_key'");
  }

  @Test
  @DisplayName("api: json2 with a password instead of an api_key is refused")
  void json2WithPassword() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          api: json2
          login: admin
          password: {env: PW}
        """);

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 7, "odoo.password", "api: json2 authenticates with api_key, not password");
    assertProblem(problems, "clinic.yaml", 3, "odoo.api_key", "missing required key 'api_key'");
  }

  @Test
  @DisplayName("api: session without password is refused")
  void sessionWithoutPassword() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
        """);

    files.onlyProblem("clinic.yaml", 3, "odoo.password", "missing required key 'password'");
  }

  @Test
  @DisplayName("A password written inline is refused and never repeated")
  void inlinePassword() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
          password: hunter2-Secret
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 6, "odoo.password",
        "a secret must not be written in the file: use {env: VAR} or {file: PATH}");
    assertFalse(problem.toString().contains("hunter2"), problem.toString());
  }

  @Test
  @DisplayName("An api_key written inline is refused and never repeated")
  void inlineApiKey() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          api: json2
          login: admin
          api_key: 0123456789abcdef
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 7, "odoo.api_key", "a secret must not be written in the file");
    assertFalse(problem.toString().contains("0123456789abcdef"), problem.toString());
  }

  @Test
  @DisplayName("A password in braces (a YAML map with the secret as key) is refused and never repeated")
  void passwordAsMapKey() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
          password: {hunter2-Secret}
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 6, "odoo.password",
        "a secret reference has one key, env or file");
    assertFalse(problem.toString().contains("hunter2"), problem.toString());
  }

  @Test
  @DisplayName("A secret reference with neither env nor file is refused")
  void secretRefEmpty() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
          password: {}
        """);

    files.onlyProblem("clinic.yaml", 6, "odoo.password", "use {env: VAR} or {file: PATH}");
  }

  @Test
  @DisplayName("A secret reference with both env and file is refused")
  void secretRefBoth() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
          password: {env: PW, file: /run/secrets/pw}
        """);

    files.onlyProblem("clinic.yaml", 6, "odoo.password", "give either env or file, not both");
  }

  @Test
  @DisplayName("An invalid environment variable name is refused without repeating it")
  void badEnvName() {
    tenantWithOdoo("""
        odoo:
          url: https://clinic.example.com
          database: clinic
          login: admin
          password: {env: "p@ss w0rd"}
        """);

    Problem problem = files.onlyProblem("clinic.yaml", 6, "odoo.password.env", "not an environment variable name");
    assertFalse(problem.toString().contains("p@ss"), problem.toString());
  }

  @Test
  @DisplayName("An unknown tier is refused")
  void badTier() {
    files.tenant("clinic.yaml", TENANT_HEAD.replace("tier: shared", "tier: premium")
        + "journeys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 7, "tier", "unknown tier 'premium': expected one of shared, dedicated");
  }

  @Test
  @DisplayName("An unknown time zone is refused")
  void badTimezone() {
    files.tenant("clinic.yaml", TENANT_HEAD.replace("Europe/Brussels", "Europe/Bruxelles")
        + "journeys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 8, "timezone", "unknown time zone 'Europe/Bruxelles'");
  }

  @Test
  @DisplayName("An allowed origin with a path is refused")
  void badOrigin() {
    files.tenant("clinic.yaml", TENANT_HEAD.replace("allowed_origins: []",
        "allowed_origins: [https://status.example.com, https://cdn.example.com/assets]")
        + "journeys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 9, "allowed_origins[1]", "it must not have a path: expected an origin: scheme://host[:port]");
  }

  @Test
  @DisplayName("A placement label that is a list is refused")
  void badPlacement() {
    files.tenant("clinic.yaml", TENANT_HEAD.replace("tier: shared", "placement: {odoo_pool: [a, b]}")
        + "journeys:\n  - {id: ping}\n");

    files.onlyProblem("clinic.yaml", 7, "placement.odoo_pool", "expected a label (text or a number), found a list");
  }

  @Test
  @DisplayName("A tenant file name that is not a valid id is refused")
  void badFileName() {
    files.tenant("Clinic_North.yaml", TENANT_HEAD + "journeys:\n  - {id: ping}\n");

    files.onlyProblem("Clinic_North.yaml", 1, "", "the file name 'Clinic_North' is not a valid tenant id");
  }

  @Test
  @DisplayName("Two files with one tenant id (.yaml and .yml) are refused")
  void duplicateTenantId() {
    String tenant = TENANT_HEAD + "journeys:\n  - {id: ping}\n";
    files.tenant("clinic.yaml", tenant).tenant("clinic.yml", tenant);

    files.onlyProblem("clinic.yml", 1, "", "tenant id 'clinic' (the file name) is already used by");
  }
}
