package dev.vigil.engine.rpc;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.StepAction;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import dev.vigil.engine.StepFault;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * {@code require_modules}: checks each module is installed; the first missing one ends the run
 * ERRORED with class PRECONDITION, naming the module and the database.
 */
public final class RequireModulesExecutor implements StepExecutor<StepAction.RequireModules> {

  @Override
  public Class<StepAction.RequireModules> actionType() {
    return StepAction.RequireModules.class;
  }

  @Override
  public Future<Object> execute(StepAction.RequireModules action, StepContext context) {
    Future<Object> checked = Future.succeededFuture(true);
    for (String module : action.modules()) {
      checked = checked.compose(ignored -> installed(module, context));
    }
    return checked;
  }

  private Future<Object> installed(String module, StepContext context) {
    List<Object> domain = List.of(List.of("name", "=", module), List.of("state", "=", "installed"));
    return context.odoo()
        .call("ir.module.module", "search_count", List.of(domain), Map.of(), context.remaining())
        .compose(count -> count instanceof Number n && n.intValue() > 0
            ? Future.succeededFuture(true)
            : Future.failedFuture(new StepFault(ErrorClass.PRECONDITION,
                "Odoo module '" + module + "' is not installed in database "
                    + context.tenant().database() + ": this journey cannot run for this tenant")));
  }
}
