package dev.vigil.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.domain.ErrorClass;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Naming positional arguments for json/2")
class Json2ArgumentsTest {

  static JsonObject body(String method, List<Object> args, Map<String, Object> kwargs) {
    return Json2Arguments.body("res.partner", method, args, kwargs);
  }

  @Test
  @DisplayName("search_read names domain, fields, offset, limit and order")
  void searchRead() {
    assertEquals(new JsonObject("{\"domain\":[[\"name\",\"=\",\"x\"]],\"fields\":[\"name\"],\"offset\":0,"
            + "\"limit\":5,\"order\":\"id\"}"),
        body("search_read", List.of(List.of(List.of("name", "=", "x")), List.of("name"), 0, 5, "id"), Map.of()));
  }

  @Test
  @DisplayName("search, search_count, create, name_search and fields_get name their arguments")
  void modelMethods() {
    assertEquals(new JsonObject("{\"domain\":[],\"offset\":0,\"limit\":1}"),
        body("search", List.of(List.of(), 0, 1), Map.of()));
    assertEquals(new JsonObject("{\"domain\":[]}"), body("search_count", List.of(List.of()), Map.of()));
    assertEquals(new JsonObject("{\"vals_list\":{\"name\":\"x\"}}"),
        body("create", List.of(Map.of("name", "x")), Map.of()));
    assertEquals(new JsonObject("{\"name\":\"Azure\",\"limit\":3}"),
        body("name_search", List.of("Azure"), Map.of("limit", 3)));
    assertEquals(new JsonObject("{\"attributes\":[\"type\"]}"),
        body("fields_get", List.of(), Map.of("attributes", List.of("type"))));
  }

  @Test
  @DisplayName("read, write and unlink take ids first, then their named arguments")
  void recordMethods() {
    assertEquals(new JsonObject("{\"ids\":[1,2],\"fields\":[\"name\"]}"),
        body("read", List.of(List.of(1, 2), List.of("name")), Map.of()));
    assertEquals(new JsonObject("{\"ids\":[1],\"vals\":{\"name\":\"y\"}}"),
        body("write", List.of(List.of(1), Map.of("name", "y")), Map.of()));
    assertEquals(new JsonObject("{\"ids\":[9]}"), body("unlink", List.of(List.of(9)), Map.of()));
  }

  @Test
  @DisplayName("any other method is a record method: ids from args[0] (a single id becomes a list), kwargs merged")
  void otherMethods() {
    assertEquals(new JsonObject("{\"ids\":[5],\"context\":{\"lang\":\"en_US\"}}"),
        body("action_post", List.of(5), Map.of("context", Map.of("lang", "en_US"))));
    assertEquals(new JsonObject("{}"), body("action_something", List.of(), Map.of()));
  }

  @Test
  @DisplayName("unnamed extra positional arguments and duplicate names are VALIDATION faults")
  void refusals() {
    OdooFault extra = assertThrows(OdooFault.class,
        () -> body("button_validate", List.of(List.of(1), true), Map.of()));
    assertEquals(ErrorClass.VALIDATION, extra.errorClass());
    OdooFault tooMany = assertThrows(OdooFault.class,
        () -> body("search_count", List.of(List.of(), 1, 2), Map.of()));
    assertEquals(ErrorClass.VALIDATION, tooMany.errorClass());
    OdooFault twice = assertThrows(OdooFault.class,
        () -> body("search_read", List.of(List.of(), List.of("name")), Map.of("fields", List.of("id"))));
    assertEquals(ErrorClass.VALIDATION, twice.errorClass());
  }
}
