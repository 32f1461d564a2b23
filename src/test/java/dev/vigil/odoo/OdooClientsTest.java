package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.AlertContacts;
import dev.vigil.domain.Credentials;
import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.OdooApi;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import dev.vigil.domain.Tier;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The per-tenant client registry")
class OdooClientsTest {
  WebClient webClient;
  OdooClients clients;

  @BeforeEach
  void start(Vertx vertx) {
    webClient = WebClient.create(vertx);
    clients = new OdooClients(vertx, webClient, ref -> {
      throw new IllegalStateException("variable is not set");
    });
  }

  @AfterEach
  void stop() {
    webClient.close();
  }

  static Tenant tenant(String id, String url, String db, OdooApi api, String variable) {
    return new Tenant(id, id, URI.create(url), db, api,
        new Credentials("admin", new SecretRef.Env(variable)), Tier.SHARED,
        Map.of("odoo_pool", "a"), List.of(), Set.of(), "Europe/Brussels", List.of(), java.util.Optional.empty(),
        AlertContacts.NONE, SourcePos.none("test"));
  }

  @Test
  @DisplayName("gives a tenant the same client every time")
  void sameClient() {
    Tenant north = tenant("clinic_north", "http://127.0.0.1:8069", "clinic_north", OdooApi.SESSION, "PW");
    assertSame(clients.forTenant(north), clients.forTenant(north));
    assertNotSame(clients.forTenant(north),
        clients.forTenant(tenant("clinic_south", "http://127.0.0.1:8069", "clinic_south", OdooApi.SESSION, "PW")));
  }

  @Test
  @DisplayName("replaces the client when the URL, database, API or secret reference changed, not for other changes")
  void replacesOnChange() {
    Tenant base = tenant("t", "http://127.0.0.1:8069", "db", OdooApi.SESSION, "PW");
    OdooClient first = clients.forTenant(base);
    Tenant renamed = new Tenant("t", "Other name", base.baseUrl(), base.database(), base.api(),
        base.credentials(), Tier.DEDICATED, base.placement(), base.journeys(), base.allowedOrigins(),
        base.timezone(), base.maintenance(), base.sandbox(), base.alerts(), base.source());
    assertSame(first, clients.forTenant(renamed));
    OdooClient moved = clients.forTenant(tenant("t", "http://10.0.0.2:8069", "db", OdooApi.SESSION, "PW"));
    assertNotSame(first, moved);
    OdooClient otherApi = clients.forTenant(tenant("t", "http://10.0.0.2:8069", "db", OdooApi.JSONRPC, "PW"));
    assertNotSame(moved, otherApi);
    OdooClient otherSecret = clients.forTenant(tenant("t", "http://10.0.0.2:8069", "db", OdooApi.JSONRPC, "PW2"));
    assertNotSame(otherApi, otherSecret);
    OdooClient otherDb = clients.forTenant(tenant("t", "http://10.0.0.2:8069", "db2", OdooApi.JSONRPC, "PW2"));
    assertNotSame(otherSecret, otherDb);
    assertEquals("db2", ((OdooRpcClient) otherDb).target().database());
  }

  @Test
  @DisplayName("forget drops the tenant's client")
  void forget() {
    Tenant base = tenant("t", "http://127.0.0.1:8069", "db", OdooApi.SESSION, "PW");
    OdooClient first = clients.forTenant(base);
    clients.forget("t");
    assertNotSame(first, clients.forTenant(base));
  }

  @Test
  @DisplayName("a secret that cannot be resolved fails the login as AUTH, naming where it was looked for")
  void unresolvableSecret(VertxTestContext ctx) {
    Tenant base = tenant("t", "http://127.0.0.1:1", "db", OdooApi.SESSION, "CLINIC_PW");
    clients.forTenant(base).login(false, Duration.ofSeconds(2)).onComplete(ctx.failing(err -> ctx.verify(() -> {
      OdooFault fault = assertInstanceOf(OdooFault.class, err);
      assertEquals(ErrorClass.AUTH, fault.errorClass());
      assertTrue(fault.getMessage().contains("unavailable: looked for in env CLINIC_PW: variable is not set"),
          fault.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the resolved secret reaches the client (its toString never shows it)")
  void resolvedSecret(Vertx vertx) {
    OdooClients resolving = new OdooClients(vertx, webClient, ref -> new Secret("s3cret"));
    OdooRpcClient client = (OdooRpcClient) resolving.forTenant(
        tenant("t", "http://127.0.0.1:8069", "db", OdooApi.JSON2, "KEY"));
    assertEquals("s3cret", client.target().secret().get().reveal());
    assertTrue(!client.target().toString().contains("s3cret"));
  }
}
