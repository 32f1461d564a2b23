package dev.vigil.engine.rpc;

import dev.vigil.domain.StepAction;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepExecutor;
import io.vertx.core.Future;
import java.util.Map;

/** {@code login}: ensures a session (reusing the tenant's live one unless {@code fresh}); result {@code {uid, version}}. */
public final class LoginExecutor implements StepExecutor<StepAction.Login> {

  @Override
  public Class<StepAction.Login> actionType() {
    return StepAction.Login.class;
  }

  @Override
  public Future<Object> execute(StepAction.Login action, StepContext context) {
    return context.odoo().login(action.fresh(), context.remaining())
        .map(session -> Map.of("uid", session.uid(), "version", session.majorVersion()));
  }
}
