package dev.vigil.journey;

/**
 * A secret reference could not be resolved. The message names the place (the environment
 * variable or the file) and why, never a value.
 */
public final class SecretUnavailableException extends RuntimeException {

  public SecretUnavailableException(String message) {
    super(message, null, false, false);
  }
}
