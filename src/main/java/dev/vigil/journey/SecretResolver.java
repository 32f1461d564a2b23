package dev.vigil.journey;

import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a tenant's secret reference into the secret: the value of an environment variable, or
 * the content of a file (a Kubernetes secret mount) with trailing line breaks trimmed. An empty
 * secret counts as missing.
 *
 * <p>Reading a file is blocking I/O on a tiny file: resolve at start-up, on a worker thread, or
 * accept the few microseconds once per login. Fails with {@link SecretUnavailableException}, whose
 * message names the variable or file and never holds a value.
 */
public final class SecretResolver {
  private final Function<String, String> env;

  /**
   * @param env looks up environment variables: {@code System::getenv} in production, a map lookup
   *     in tests and the demo
   */
  public SecretResolver(Function<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** The secret the reference points to. */
  public Secret resolve(SecretRef ref) {
    if (ref instanceof SecretRef.Env e) {
      return fromEnv(e.variable());
    }
    return fromFile(((SecretRef.File) ref).path());
  }

  private Secret fromEnv(String variable) {
    String value = env.apply(variable);
    if (value == null) {
      throw new SecretUnavailableException("environment variable " + variable + " is not set");
    }
    if (value.isEmpty()) {
      throw new SecretUnavailableException("environment variable " + variable + " is empty");
    }
    return new Secret(value);
  }

  private static Secret fromFile(String path) {
    String content;
    try {
      content = Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(path, "No such file");
    } catch (AccessDeniedException e) {
      throw unreadable(path, "Permission denied");
    } catch (CharacterCodingException e) {
      throw unreadable(path, "not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(path, String.valueOf(e.getMessage()));
    } catch (InvalidPathException e) {
      throw unreadable(path, "not a valid path");
    }
    String secret = content.replaceAll("[\\r\\n]+$", "");
    if (secret.isEmpty()) {
      throw new SecretUnavailableException("secret file " + path + " is empty");
    }
    return new Secret(secret);
  }

  private static SecretUnavailableException unreadable(String path, String reason) {
    return new SecretUnavailableException("cannot read secret file " + path + ": " + reason);
  }
}
