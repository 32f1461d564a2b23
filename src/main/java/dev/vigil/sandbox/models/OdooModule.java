package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.orm.ModelSchema;
import java.util.List;
import java.util.Set;

/** The models and rules one Odoo module adds to a database where it is installed. */
interface OdooModule {

  /** The technical name of the Odoo module ({@code account}, {@code stock}, ...). */
  String module();

  /** The schemas of the models this class owns, in {@code dialect}, given the installed modules. */
  List<ModelSchema> schemas(Dialect dialect, Set<String> installed);

  /** Registers hooks and methods of the models this class owns. */
  void register(ModelRegistry.Builder registry, Dialect dialect);
}
