package dev.vigil.api.auth;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Set;

/** Tells which tokens have been revoked since they were accepted: live connections opened with them must close. */
public interface Revocations {

  /** Of these token ids, those revoked (or gone) by now. */
  Future<Set<String>> revokedAmong(Collection<String> tokenIds);
}
