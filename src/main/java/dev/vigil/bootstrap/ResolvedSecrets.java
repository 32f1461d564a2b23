package dev.vigil.bootstrap;

import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.SecretResolver;
import dev.vigil.journey.SecretUnavailableException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Tenants' secrets read ahead of use, so that a login on an event loop never reads a file or the
 * environment. A secret that could not be read is kept as its error and raised when that tenant
 * logs in — one tenant's missing secret never stops the others. Immutable after construction.
 */
public final class ResolvedSecrets implements Function<SecretRef, Secret> {
  private final Map<SecretRef, Secret> secrets = new HashMap<>();
  private final Map<SecretRef, SecretUnavailableException> failures = new HashMap<>();

  /** Reads every tenant's secret. Blocking: call from the main thread or a worker. */
  public ResolvedSecrets(Collection<Tenant> tenants, SecretResolver resolver) {
    for (Tenant tenant : tenants) {
      SecretRef ref = tenant.credentials().secret();
      try {
        secrets.put(ref, resolver.resolve(ref));
      } catch (SecretUnavailableException unavailable) {
        failures.put(ref, unavailable);
      }
    }
  }

  /** Secrets that could not be read, by place; their messages name the place, never a value. */
  public Map<SecretRef, SecretUnavailableException> failures() {
    return Map.copyOf(failures);
  }

  @Override
  public Secret apply(SecretRef ref) {
    Secret secret = secrets.get(ref);
    if (secret != null) {
      return secret;
    }
    SecretUnavailableException failure = failures.get(ref);
    throw failure != null ? failure : new SecretUnavailableException(ref.describe() + " was not read at start-up");
  }
}
