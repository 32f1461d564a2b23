package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.Record;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Business rules a model applies around the generic ORM operations. Hooks throw
 * {@link dev.vigil.sandbox.orm.OdooError}s to refuse an operation; the call is then rolled back.
 */
interface ModelHooks {
  /** A model without rules of its own. */
  ModelHooks NONE = new ModelHooks() {};

  /** Completes or checks the values of a new record before it is stored. */
  default void prepareCreate(Model model, JsonObject values) {}

  /** Runs after a record and its lines were created. */
  default void afterCreate(Model model, Record record) {}

  /** Checks or completes the values written on existing records. */
  default void prepareWrite(Model model, List<Record> records, JsonObject values) {}

  /** Refuses or prepares the deletion of records. */
  default void beforeUnlink(Model model, List<Record> records) {}
}
