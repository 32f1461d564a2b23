package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.PyRepr;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Values;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Odoo's x2many commands on a one2many or many2many field: {@code [0, 0, vals]} create,
 * {@code [1, id, vals]} update, {@code [2, id]} delete, {@code [3, id]} unlink, {@code [4, id]}
 * link, {@code [5]} clear, {@code [6, 0, ids]} replace. A plain list of ids replaces.
 */
final class Commands {
  private Commands() {}

  static void apply(Model parent, Record record, Field field, Object commands) {
    if (!(commands instanceof JsonArray list)) {
      throw OdooErrors.valueError("Wrong value for " + parent.name() + "." + field.name() + ": " + PyRepr.of(commands));
    }
    if (!list.isEmpty() && list.getValue(0) instanceof Number) {
      replace(parent, record, field, Values.idList(list));
      return;
    }
    Model children = parent.env().withoutDefaults().model(field.relation());
    for (Object item : list) {
      if (!(item instanceof JsonArray command) || command.isEmpty() || !(command.getValue(0) instanceof Number code)) {
        throw OdooErrors.valueError("Wrong value for " + parent.name() + "." + field.name() + ": " + PyRepr.of(item));
      }
      long id = command.size() > 1 && command.getValue(1) instanceof Number number ? number.longValue() : 0;
      switch (code.intValue()) {
        case 0 -> create(children, record, field, valuesOf(command));
        case 1 -> children.write(children.existing(List.of(id)), valuesOf(command));
        case 2 -> {
          children.unlink(children.existing(List.of(id)));
          unlinkFrom(record, field, id);
        }
        case 3 -> detach(children, record, field, id);
        case 4 -> link(children, record, field, id);
        case 5 -> replace(parent, record, field, List.of());
        case 6 -> replace(parent, record, field, Values.idList(command.getValue(2)));
        default -> throw OdooErrors.valueError("Unknown command " + PyRepr.of(item));
      }
    }
  }

  private static JsonObject valuesOf(JsonArray command) {
    return command.size() > 2 && command.getValue(2) instanceof JsonObject values ? values : new JsonObject();
  }

  private static void create(Model children, Record record, Field field, JsonObject values) {
    if (field.type() == FieldType.ONE2MANY) {
      children.create(values.copy().put(field.inverse(), record.id()));
    } else {
      long id = children.create(values);
      link(children, record, field, id);
    }
  }

  private static void link(Model children, Record record, Field field, long id) {
    Record child = children.record(id);
    if (field.type() == FieldType.ONE2MANY) {
      child.set(field.inverse(), record.id());
    } else {
      List<Long> ids = record.ids(field.name());
      if (!ids.contains(id)) {
        ids.add(id);
      }
      record.set(field.name(), ids);
    }
  }

  private static void detach(Model children, Record record, Field field, long id) {
    if (field.type() == FieldType.ONE2MANY) {
      children.record(id).set(field.inverse(), null);
    } else {
      unlinkFrom(record, field, id);
    }
  }

  private static void unlinkFrom(Record record, Field field, long id) {
    if (field.type() == FieldType.MANY2MANY) {
      List<Long> ids = record.ids(field.name());
      ids.remove(id);
      record.set(field.name(), ids);
    }
  }

  private static void replace(Model parent, Record record, Field field, List<Long> ids) {
    if (field.type() == FieldType.MANY2MANY) {
      record.set(field.name(), new ArrayList<>(ids));
      return;
    }
    Model children = parent.model(field.relation());
    parent.env().store().children(field, record.id()).forEach(child -> child.set(field.inverse(), null));
    ids.forEach(id -> link(children, record, field, id));
  }
}
