package dev.vigil.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.domain.Secret;
import dev.vigil.domain.SecretRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Secret references are resolved without ever printing a secret")
class SecretResolverTest {
  private final SecretResolver resolver = new SecretResolver(
      Map.of("CLINIC_NORTH_PASSWORD", "s3cret-north", "EMPTY", "")::get);

  @TempDir Path dir;

  @Test
  @DisplayName("An environment variable that is set gives its value")
  void envPresent() {
    Secret secret = resolver.resolve(new SecretRef.Env("CLINIC_NORTH_PASSWORD"));

    assertEquals("s3cret-north", secret.reveal());
    assertEquals("****", secret.toString());
  }

  @Test
  @DisplayName("An environment variable that is not set is named in the failure")
  void envMissing() {
    SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
        () -> resolver.resolve(new SecretRef.Env("CLINIC_SOUTH_PASSWORD")));

    assertEquals("environment variable CLINIC_SOUTH_PASSWORD is not set", e.getMessage());
  }

  @Test
  @DisplayName("An empty environment variable counts as missing")
  void envEmpty() {
    SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
        () -> resolver.resolve(new SecretRef.Env("EMPTY")));

    assertEquals("environment variable EMPTY is empty", e.getMessage());
  }

  @Test
  @DisplayName("A secret file gives its content without the trailing newline")
  void filePresent() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "file-s3cret\n");

    assertEquals("file-s3cret", resolver.resolve(new SecretRef.File(file.toString())).reveal());
  }

  @Test
  @DisplayName("A missing secret file is named in the failure")
  void fileMissing() {
    Path file = dir.resolve("absent");

    SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
        () -> resolver.resolve(new SecretRef.File(file.toString())));

    assertEquals("cannot read secret file " + file + ": No such file", e.getMessage());
  }

  @Test
  @DisplayName("An empty secret file is refused, naming the file")
  void fileEmpty() throws IOException {
    Path file = Files.writeString(dir.resolve("blank"), "\n");

    SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
        () -> resolver.resolve(new SecretRef.File(file.toString())));

    assertEquals("secret file " + file + " is empty", e.getMessage());
  }

  @Test
  @DisplayName("A folder instead of a secret file fails without showing any content")
  void fileIsFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Files.writeString(folder.resolve("inside"), "hidden-s3cret");

    SecretUnavailableException e = assertThrows(SecretUnavailableException.class,
        () -> resolver.resolve(new SecretRef.File(folder.toString())));

    assertFalse(e.getMessage().contains("hidden-s3cret"), e.getMessage());
    assertEquals(true, e.getMessage().startsWith("cannot read secret file " + folder + ": "), e.getMessage());
  }
}
