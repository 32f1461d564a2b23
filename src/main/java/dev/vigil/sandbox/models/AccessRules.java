package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Model access rights of non-administrators, as recorded for the demo user: no access to system
 * parameters, no changes to companies, users or modules. Administrators may do everything.
 */
public final class AccessRules {

  /** An ORM operation, with the verb Odoo's access-error message uses for it. */
  public enum Operation {
    READ("access"),
    WRITE("modify"),
    CREATE("create"),
    UNLINK("delete");

    private final String verb;

    Operation(String verb) {
      this.verb = verb;
    }

    /** The operation named as {@code check_access_rights} names it. */
    public static Operation named(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private record Rule(String group, Set<Operation> denied) {}

  private static final Set<Operation> CHANGES = Set.of(Operation.WRITE, Operation.CREATE, Operation.UNLINK);
  private static final Map<String, Rule> RULES = Map.of(
      "ir.config_parameter", new Rule("Administration/Settings", Set.of(Operation.values())),
      "ir.module.module", new Rule("Administration/Settings", CHANGES),
      "res.company", new Rule("Administration/Access Rights", CHANGES),
      "res.users", new Rule("Administration/Access Rights", Set.of(Operation.CREATE, Operation.UNLINK)));

  private AccessRules() {}

  public static boolean allowed(User user, String model, Operation operation) {
    Rule rule = RULES.get(model);
    return user.admin() || rule == null || !rule.denied().contains(operation);
  }

  /** @throws dev.vigil.sandbox.orm.OdooError {@code AccessError} when the user may not */
  public static void check(User user, ModelSchema schema, Operation operation) {
    if (!allowed(user, schema.name(), operation)) {
      throw OdooErrors.accessError("You are not allowed to " + operation.verb + " '" + schema.description()
          + "' (" + schema.name() + ") records.\n\nThis operation is allowed for the following groups:\n\t- "
          + RULES.get(schema.name()).group() + "\n\nContact your administrator to request access if necessary.");
    }
  }
}
