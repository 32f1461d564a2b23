package dev.vigil.domain;

/**
 * Where a secret can be read, never the secret itself: tenant files hold references only.
 * {@code toString()} names the place (an environment variable or a file), which is safe to print.
 */
public sealed interface SecretRef {

  /** A human-readable description of the place, e.g. {@code env CLINIC_NORTH_PASSWORD}. */
  String describe();

  /** The secret is the value of an environment variable. */
  record Env(String variable) implements SecretRef {
    @Override
    public String describe() {
      return "env " + variable;
    }
  }

  /** The secret is the content of a file (e.g. a Kubernetes secret mount), trailing newline trimmed. */
  record File(String path) implements SecretRef {
    @Override
    public String describe() {
      return "file " + path;
    }
  }
}
