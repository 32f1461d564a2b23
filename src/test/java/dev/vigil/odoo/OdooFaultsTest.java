package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.ErrorClass;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The mapping of Odoo errors, HTTP statuses and transport failures to error classes")
class OdooFaultsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "odoo.exceptions.AccessDenied, AUTH",
      "odoo.exceptions.AccessError, ACCESS",
      "odoo.exceptions.UserError, VALIDATION",
      "odoo.exceptions.ValidationError, VALIDATION",
      "odoo.exceptions.RedirectWarning, VALIDATION",
      "builtins.ValueError, VALIDATION",
      "builtins.TypeError, VALIDATION",
      "builtins.AttributeError, VALIDATION",
      "builtins.KeyError, VALIDATION",
      "werkzeug.exceptions.NotFound, VALIDATION",
      "json.decoder.JSONDecodeError, VALIDATION",
      "odoo.exceptions.MissingError, MISSING_RECORD",
      "psycopg2.OperationalError, SERVER_ERROR",
      "psycopg2.errors.SerializationFailure, SERVER_ERROR",
      "odoo.exceptions.SomethingNew, SERVER_ERROR",
      "builtins.RecursionError, SERVER_ERROR"})
  @DisplayName("an Odoo exception name maps to its class; unknown names are SERVER_ERROR")
  void byName(String name, ErrorClass expected) {
    assertEquals(expected, OdooFaults.named("m.f", name, "text", 200, false).errorClass());
  }

  @Test
  @DisplayName("during login, 'Database not found.' and a missing database are AUTH, a database down is not")
  void loginRefusals() {
    assertEquals(ErrorClass.AUTH, OdooFaults.named("login", "odoo.exceptions.AccessError",
        "Database not found.", 200, true).errorClass());
    assertEquals(ErrorClass.AUTH, OdooFaults.named("login", "psycopg2.OperationalError",
        "FATAL:  database \"x\" does not exist", 200, true).errorClass());
    assertEquals(ErrorClass.SERVER_ERROR, OdooFaults.named("login", "psycopg2.OperationalError",
        "connection to server failed: Connection refused", 200, true).errorClass());
    assertEquals(ErrorClass.ACCESS, OdooFaults.named("m.f", "odoo.exceptions.AccessError",
        "Database not found.", 200, false).errorClass());
  }

  @Test
  @DisplayName("the message is the server's own, prefixed with model.method and cut at 500 characters")
  void messageShape() {
    OdooFault fault = OdooFaults.named("account.move.action_post", "odoo.exceptions.UserError",
        "y".repeat(800), 200, false);
    assertTrue(fault.getMessage().startsWith("account.move.action_post: yyy"));
    assertEquals("account.move.action_post: ".length() + 500 + 1, fault.getMessage().length());
  }

  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({"400, VALIDATION", "401, AUTH", "403, AUTH", "404, VALIDATION", "405, VALIDATION",
      "408, TIMEOUT", "429, SERVER_ERROR", "500, SERVER_ERROR", "502, SERVER_ERROR", "504, SERVER_ERROR"})
  @DisplayName("an HTTP status without an Odoo error maps by the status")
  void byStatus(int status, ErrorClass expected) {
    OdooFault fault = OdooFaults.httpStatus("m.f", status, Buffer.buffer("Invalid JSON data"));
    assertEquals(expected, fault.errorClass());
    assertEquals(status, fault.httpStatus());
  }

  @Test
  @DisplayName("transport failures: a response timeout is TIMEOUT; refused, DNS, TLS and connect timeouts are CONNECTION")
  void transport() {
    assertEquals(ErrorClass.TIMEOUT, OdooFaults.transport("m.f",
        new NoStackTraceTimeoutException("The timeout period of 300ms has been exceeded while executing POST"),
        300, "h:1").errorClass());
    assertEquals(ErrorClass.CONNECTION, OdooFaults.transport("m.f",
        new NoStackTraceTimeoutException("The timeout of 300 ms has been exceeded when getting a connection to h:1"),
        300, "h:1").errorClass());
    assertEquals(ErrorClass.CONNECTION, OdooFaults.transport("m.f",
        new RuntimeException(new ConnectException("Connection refused")), 300, "h:1").errorClass());
    assertEquals("connect timeout", OdooFaults.transport("m.f",
        new io.netty.channel.ConnectTimeoutException("connection timed out"), 300, "h:1").odooName());
    assertEquals(ErrorClass.CONNECTION, OdooFaults.transport("m.f",
        new UnknownHostException("nope"), 300, "h:1").errorClass());
    assertEquals(ErrorClass.CONNECTION, OdooFaults.transport("m.f",
        new SSLHandshakeException("bad certificate"), 300, "h:1").errorClass());
  }

  @Test
  @DisplayName("an excerpt drops scripts and tags and keeps the words")
  void excerpt() {
    assertEquals("Bad Request Request inferred type is compatible with [&#39;http&#39;]",
        OdooFaults.excerpt(Buffer.buffer("<!doctype html><title>Bad Request</title>"
            + "<script>var odoo = {csrf_token: \"abc\"};</script>"
            + "<p>Request inferred type is compatible with [&#39;http&#39;]</p>")));
  }
}
