package dev.vigil.engine.browser;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.StepAction.Browser.Fill;
import dev.vigil.engine.StepContext;
import dev.vigil.engine.StepFault;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code fill}: types a value, or the tenant's password, into the first visible element matching
 * the selector. The password is read through the engine's secret function at the moment it is
 * typed, masked in every message, and never part of the step's result (which is {@code null}).
 */
public final class FillExecutor extends BrowserStepExecutor<Fill> {
  private final Function<SecretRef, Secret> secrets;

  /** @param secrets resolves the tenant's password; must not block (secrets are read ahead) */
  public FillExecutor(BrowserHost host, Function<SecretRef, Secret> secrets) {
    super(host, Fill.class);
    this.secrets = secrets;
  }

  @Override
  String subject(Fill action, StepContext context) {
    return action.selector();
  }

  @Override
  Optional<String> secret(Fill action, StepContext context) {
    if (!action.password()) {
      return Optional.empty();
    }
    SecretRef ref = context.tenant().credentials().secret();
    try {
      return Optional.of(secrets.apply(ref).reveal());
    } catch (RuntimeException unavailable) {
      throw new StepFault(ErrorClass.AUTH, "fill " + action.selector() + ": the password ("
          + ref.describe() + ") cannot be read");
    }
  }

  @Override
  Future<Object> perform(
      Fill action, Optional<String> secret, BrowserRun run, StepContext context, Duration time) {
    String value = secret.orElseGet(() -> String.valueOf(context.render(action.value())));
    return visible(run, action.selector(), time).compose(shown -> run.call(time, page -> {
      page.locator(action.selector()).first().fill(value);
      return null;
    }));
  }
}
