package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.orm.Store;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Odoo database of the sandbox: its name, installed modules, models and data. Not
 * thread-safe; used from the sandbox's context only.
 */
public final class Database {
  /** Every module class the sandbox knows; a database gets those whose module is installed. */
  private static final List<OdooModule> MODULES = List.of(
      new BaseModels(), new AccountMoves(), new StockPickings(), new StockWizards(), new PurchaseOrders());

  private final String name;
  private final Set<String> modules;
  private final Dialect dialect;
  private final InstantSource clock;
  private final ModelRegistry registry;
  private final Store store;

  private Database(String name, Set<String> modules, Dialect dialect, InstantSource clock, ModelRegistry registry) {
    this.name = name;
    this.modules = modules;
    this.dialect = dialect;
    this.clock = clock;
    this.registry = registry;
    this.store = new Store(registry.schemas());
  }

  /** A database with {@code modules} (plus {@code base}) installed, filled with the demo data. */
  public static Database create(
      String name, Set<String> modules, Dialect dialect, InstantSource clock, DemoData demoData) {
    Set<String> installed = new TreeSet<>(modules);
    installed.add("base");
    ModelRegistry.Builder registry = ModelRegistry.builder();
    for (OdooModule module : MODULES) {
      if (installed.contains(module.module())) {
        module.schemas(dialect, installed).forEach(registry::schema);
        module.register(registry, dialect);
      }
    }
    Database database = new Database(name, Set.copyOf(installed), dialect, clock, registry.build());
    demoData.fill(database);
    return database;
  }

  public String name() {
    return name;
  }

  /** The installed modules, {@code base} included. */
  public Set<String> modules() {
    return modules;
  }

  public Dialect dialect() {
    return dialect;
  }

  public InstantSource clock() {
    return clock;
  }

  ModelRegistry registry() {
    return registry;
  }

  /** Whether the model exists in this database (its module is installed). */
  public boolean hasModel(String model) {
    return registry.hasModel(model);
  }

  public Store store() {
    return store;
  }
}
