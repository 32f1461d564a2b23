package dev.vigil.engine.rpc;

import dev.vigil.domain.ErrorClass;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepFault;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Completes wizards that a button returns instead of {@code true}: for an
 * {@code ir.actions.act_window} whose {@code res_model} the step lists, creates the wizard with the
 * action's context and calls the listed method; repeats for the action that call returns, at most
 * {@value #MAX_WIZARDS} times. Odoo 16's {@code button_validate} needs this (immediate transfer,
 * backorder confirmation).
 */
final class WizardFollower {
  static final int MAX_WIZARDS = 5;

  private final Map<String, String> follow;
  private final StepContext context;

  WizardFollower(Map<String, String> follow, StepContext context) {
    this.follow = follow;
    this.context = context;
  }

  Future<Object> follow(Object result) {
    return follow(result, 0);
  }

  private Future<Object> follow(Object result, int depth) {
    if (!(result instanceof JsonObject action) || !isFollowedWizard(action)) {
      return Future.succeededFuture(result);
    }
    if (depth == MAX_WIZARDS) {
      return Future.failedFuture(new StepFault(ErrorClass.VALIDATION,
          "still given a wizard (" + action.getString("res_model") + ") after " + MAX_WIZARDS + " wizards"));
    }
    String wizard = action.getString("res_model");
    Map<String, Object> kwargs = Map.of("context", action.getJsonObject("context", new JsonObject()).getMap());
    return context.odoo().call(wizard, "create", List.of(Map.of()), kwargs, context.remaining())
        .compose(id -> context.odoo().call(wizard, follow.get(wizard), List.of(List.of(id)), kwargs, context.remaining()))
        .compose(next -> follow(next, depth + 1));
  }

  private boolean isFollowedWizard(JsonObject action) {
    return "ir.actions.act_window".equals(action.getString("type"))
        && follow.containsKey(action.getString("res_model"));
  }
}
