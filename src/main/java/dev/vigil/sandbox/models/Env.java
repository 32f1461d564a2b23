package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Odoo's {@code env} for one call: the database, the calling user and the call's context.
 * Immutable; {@link #model(String)} gives the ORM API of a model.
 */
public final class Env {
  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Database db;
  private final User user;
  private final JsonObject context;

  public Env(Database db, User user, JsonObject context) {
    this.db = db;
    this.user = user;
    this.context = context == null ? new JsonObject() : context;
  }

  /** The ORM API of an installed model. */
  public Model model(String name) {
    return new Model(this, name);
  }

  public Database db() {
    return db;
  }

  public User user() {
    return user;
  }

  public JsonObject context() {
    return context;
  }

  public Dialect dialect() {
    return db.dialect();
  }

  public Store store() {
    return db.store();
  }

  /** The same call with another context. */
  public Env withContext(JsonObject newContext) {
    return new Env(db, user, newContext);
  }

  /** The same call without the {@code default_*} context keys (for records created inside a create). */
  public Env withoutDefaults() {
    JsonObject kept = new JsonObject();
    context.forEach(entry -> {
      if (!entry.getKey().startsWith("default_")) {
        kept.put(entry.getKey(), entry.getValue());
      }
    });
    return withContext(kept);
  }

  /** Today's date in UTC, as Odoo writes dates ({@code 2026-11-20}). */
  public String today() {
    return LocalDate.ofInstant(db.clock().instant(), ZoneOffset.UTC).toString();
  }

  /** The current UTC time as Odoo writes datetimes ({@code 2026-11-20 21:59:11}). */
  public String now() {
    return LocalDateTime.ofInstant(db.clock().instant(), ZoneOffset.UTC).format(DATETIME);
  }
}
