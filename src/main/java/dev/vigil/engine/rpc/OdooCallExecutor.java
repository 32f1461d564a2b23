package dev.vigil.engine.rpc;

import dev.vigil.domain.StepAction;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * {@code call} and its sugar ({@code search_read}, {@code read}, {@code create}, {@code write},
 * {@code unlink}, {@code action}): one model method call, then any wizard actions the step says
 * to follow.
 */
public final class OdooCallExecutor implements StepExecutor<StepAction.OdooCall> {

  @Override
  public Class<StepAction.OdooCall> actionType() {
    return StepAction.OdooCall.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Future<Object> execute(StepAction.OdooCall action, StepContext context) {
    String model = context.renderText(action.model());
    List<Object> args = (List<Object>) context.render(action.args());
    Map<String, Object> kwargs = (Map<String, Object>) context.render(action.kwargs());
    return context.odoo().call(model, action.method(), args, kwargs, context.remaining())
        .compose(result -> new WizardFollower(action.follow(), context).follow(result));
  }
}
