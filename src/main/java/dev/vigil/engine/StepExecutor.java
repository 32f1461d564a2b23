package dev.vigil.engine;

import dev.vigil.domain.StepAction;
import io.vertx.core.Future;

/**
 * Executes one kind of step action. One implementation per {@link StepAction} record, registered
 * in {@link StepExecutors}. Runs on the run's event loop and must not block it.
 *
 * @param <A> the action record this executor handles
 */
public interface StepExecutor<A extends StepAction> {

  /** The action record type handled. */
  Class<A> actionType();

  /**
   * Performs the action and completes with its result (the step's {@code result}), or fails with
   * an {@link dev.vigil.odoo.OdooFault}, a {@link StepFault}, an {@link AssertionFailure} or a
   * timeout. Templates in the action are rendered through {@code context}.
   */
  Future<Object> execute(A action, StepContext context);
}
