package dev.vigil.journey;

import static dev.vigil.journey.CatalogFiles.PING;
import static dev.vigil.journey.CatalogFiles.TENANT_HEAD;
import static dev.vigil.journey.CatalogFiles.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.domain.SandboxHint;
import dev.vigil.domain.Tenant;
import dev.vigil.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Tenant sandbox hints")
class TenantSandboxHintTest {
  private static final String REMOTE_URL = "https://clinic-north.example.com";

  @TempDir Path dir;
  CatalogFiles files;

  @BeforeEach
  void setUp() {
    files = new CatalogFiles(dir).journey("ping.yaml", PING);
  }

  /** A valid tenant at this url (lines 1-11) with {@code sandbox:} on line 12 and this value. */
  private CatalogFiles tenantWithSandbox(String url, String sandbox) {
    return files.tenant("clinic.yaml", TENANT_HEAD.replace(REMOTE_URL, url)
        + "journeys:\n  - {id: ping}\nsandbox: " + sandbox + "\n");
  }

  private Optional<SandboxHint> loadedHint() throws CatalogException {
    return files.load().tenant("clinic").map(Tenant::sandbox).orElseThrow();
  }

  @Test
  @DisplayName("A hint gives the sandbox's Odoo version and extra modules")
  void hint() throws CatalogException {
    tenantWithSandbox("http://127.0.0.1:7016", "{version: 16, modules: [purchase]}");

    assertEquals(Optional.of(new SandboxHint(16, Set.of("purchase"))), loadedHint());
  }

  @Test
  @DisplayName("A hint without modules has none beyond the defaults, and localhost is accepted")
  void noModules() throws CatalogException {
    tenantWithSandbox("http://localhost:7018", "{version: 18}");

    assertEquals(Optional.of(new SandboxHint(18, Set.of())), loadedHint());
  }

  @Test
  @DisplayName("Listing the always-installed modules account and stock is allowed")
  void defaultModulesListed() throws CatalogException {
    tenantWithSandbox("http://127.0.0.1:7017", "{version: 17, modules: [account, stock]}");

    assertEquals(Optional.of(new SandboxHint(17, Set.of("account", "stock"))), loadedHint());
  }

  @Test
  @DisplayName("A tenant without a hint has none")
  void none() throws CatalogException {
    files.tenant("clinic.yaml", TENANT_HEAD + "journeys:\n  - {id: ping}\n");

    assertEquals(Optional.empty(), loadedHint());
  }

  @Test
  @DisplayName("A hint on a tenant whose Odoo is not on this machine is refused")
  void remoteUrl() {
    tenantWithSandbox(REMOTE_URL, "{version: 18}");

    files.onlyProblem("clinic.yaml", 12, "sandbox",
        "the sandbox runs on this machine: odoo.url must be on 127.0.0.1 or localhost");
  }

  @Test
  @DisplayName("A hint on a loopback https url is refused: the sandbox speaks plain HTTP")
  void httpsUrl() {
    tenantWithSandbox("https://127.0.0.1:7018", "{version: 18}");

    files.onlyProblem("clinic.yaml", 12, "sandbox", "the sandbox serves plain HTTP");
  }

  @Test
  @DisplayName("A version the sandbox does not speak is refused")
  void unknownVersion() {
    tenantWithSandbox("http://127.0.0.1:7015", "{version: 15}");

    files.onlyProblem("clinic.yaml", 12, "sandbox.version", "the sandbox speaks Odoo 16, 17, 18 or 19, not 15");
  }

  @Test
  @DisplayName("A version written as text or a decimal is refused")
  void versionNotWhole() {
    tenantWithSandbox("http://127.0.0.1:7018", "{version: \"18.0\"}");

    files.onlyProblem("clinic.yaml", 12, "sandbox.version", "expected a whole number, found text");
  }

  @Test
  @DisplayName("A hint without version is refused")
  void missingVersion() {
    tenantWithSandbox("http://127.0.0.1:7018", "{modules: [purchase]}");

    files.onlyProblem("clinic.yaml", 12, "sandbox.version", "missing required key 'version'");
  }

  @Test
  @DisplayName("An unknown module is refused, with the nearest module or the list")
  void unknownModule() {
    tenantWithSandbox("http://127.0.0.1:7018", "{version: 18, modules: [purchse, mrp]}");

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 12, "sandbox.modules[0]",
        "unknown sandbox module 'purchse': did you mean 'purchase'?");
    assertProblem(problems, "clinic.yaml", 12, "sandbox.modules[1]",
        "unknown sandbox module 'mrp': expected one of account, purchase, stock");
    assertEquals(2, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("A module listed twice is refused")
  void moduleTwice() {
    tenantWithSandbox("http://127.0.0.1:7018", "{version: 18, modules: [purchase, purchase]}");

    files.onlyProblem("clinic.yaml", 12, "sandbox.modules[1]", "module 'purchase' is listed twice");
  }

  @Test
  @DisplayName("An unknown key in a hint is refused with the nearest key")
  void unknownKey() {
    tenantWithSandbox("http://127.0.0.1:7018", "{version: 18, modles: [purchase]}");

    files.onlyProblem("clinic.yaml", 12, "sandbox.modles", "unknown key 'modles': did you mean 'modules'?");
  }

  @Test
  @DisplayName("A hint that is not a map is refused")
  void notAMap() {
    tenantWithSandbox("http://127.0.0.1:7018", "18");

    files.onlyProblem("clinic.yaml", 12, "sandbox", "expected a sandbox hint: a map with version and modules");
  }

  @Test
  @DisplayName("Every problem of a hint is reported at once")
  void allAtOnce() {
    tenantWithSandbox(REMOTE_URL, "{version: 20, modules: [mrp]}");

    List<Problem> problems = files.problems();
    assertProblem(problems, "clinic.yaml", 12, "sandbox.version", "not 20");
    assertProblem(problems, "clinic.yaml", 12, "sandbox.modules[0]", "unknown sandbox module 'mrp'");
    assertProblem(problems, "clinic.yaml", 12, "sandbox", "odoo.url must be on 127.0.0.1 or localhost");
    assertEquals(3, problems.size(), CatalogFiles.describe(problems));
  }

  @Test
  @DisplayName("The versions and modules a hint accepts are exactly those the sandbox supports")
  void agreesWithSandbox() {
    assertEquals(SandboxConfig.VERSIONS, new HashSet<>(SandboxHintParser.VERSIONS));
    assertEquals(SandboxConfig.KNOWN_MODULES, new HashSet<>(SandboxHintParser.MODULES));
  }
}
