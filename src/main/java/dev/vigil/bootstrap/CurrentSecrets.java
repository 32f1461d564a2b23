package dev.vigil.bootstrap;

import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import java.util.function.Function;

/**
 * The secrets of the catalog in force, replaced with it on reload. Reads never block: they look
 * up secrets read ahead by {@link ResolvedSecrets}. Thread-safe.
 */
public final class CurrentSecrets implements Function<SecretRef, Secret> {
  private volatile ResolvedSecrets current;

  public CurrentSecrets(ResolvedSecrets initial) {
    this.current = initial;
  }

  public void replace(ResolvedSecrets next) {
    current = next;
  }

  @Override
  public Secret apply(SecretRef ref) {
    return current.apply(ref);
  }
}
