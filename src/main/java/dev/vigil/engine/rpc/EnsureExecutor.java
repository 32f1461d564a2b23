package dev.vigil.engine.rpc;

import dev.vigil.domain.StepAction;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;

/** {@code ensure}: the id of the first record matching the domain, created from {@code values} if there is none. */
public final class EnsureExecutor implements StepExecutor<StepAction.Ensure> {

  @Override
  public Class<StepAction.Ensure> actionType() {
    return StepAction.Ensure.class;
  }

  @Override
  public Future<Object> execute(StepAction.Ensure action, StepContext context) {
    String model = context.renderText(action.model());
    Object domain = context.render(action.domain());
    Object values = context.render(action.values());
    return context.odoo().call(model, "search", List.of(domain), Map.of("limit", 1), context.remaining())
        .compose(found -> found instanceof JsonArray ids && !ids.isEmpty()
            ? Future.succeededFuture(ids.getValue(0))
            : context.odoo().call(model, "create", List.of(values), Map.of(), context.remaining()));
  }
}
