package dev.vigil.bootstrap;

import dev.vigil.domain.Catalog;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import dev.vigil.journey.SecretResolver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live reload of {@code tenants/} and {@code journeys/}: every {@code interval} it compares the
 * folders' fingerprint (file names, sizes, modification times), and on a change — or at once on
 * {@link #reloadNow} (SIGHUP) — loads and validates the whole catalog again and reads its secrets.
 * A valid catalog is handed to {@code onValid}; an invalid one is rejected with every problem
 * logged, and the running catalog stays. File reading happens on worker threads, never on an event
 * loop.
 */
public final class CatalogReloader {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogReloader.class);

  /** A catalog that passed validation, with its secrets read. */
  public record Loaded(Catalog catalog, ResolvedSecrets secrets) {}

  private final Vertx vertx;
  private final Path tenantsDir;
  private final Path journeysDir;
  private final Duration interval;
  private final SecretResolver resolver;
  private final Consumer<Loaded> onValid;
  private final Consumer<CatalogException> onInvalid;
  private String fingerprint;
  private long timerId = -1;
  private boolean checking;

  public CatalogReloader(
      Vertx vertx, Path tenantsDir, Path journeysDir, Duration interval, SecretResolver resolver,
      Consumer<Loaded> onValid, Consumer<CatalogException> onInvalid) {
    this.vertx = vertx;
    this.tenantsDir = tenantsDir;
    this.journeysDir = journeysDir;
    this.interval = interval;
    this.resolver = resolver;
    this.onValid = onValid;
    this.onInvalid = onInvalid;
  }

  /** Reads the folders' current fingerprint, then checks every interval. */
  public Future<Void> start() {
    return vertx.executeBlocking(this::currentFingerprint).map(first -> {
      fingerprint = first;
      timerId = vertx.setPeriodic(interval.toMillis(), id -> check(false));
      return null;
    });
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Loads the catalog now, changed or not (SIGHUP). Safe from any thread. */
  public void reloadNow() {
    vertx.runOnContext(ignored -> check(true));
  }

  private void check(boolean forced) {
    if (checking) {
      return;
    }
    checking = true;
    vertx.executeBlocking(this::currentFingerprint)
        .compose(now -> {
          if (!forced && now.equals(fingerprint)) {
            return Future.succeededFuture();
          }
          fingerprint = now;
          LOG.info("{}: loading tenants from {} and journeys from {}", forced ? "reload requested" : "files changed",
              tenantsDir, journeysDir);
          return vertx.executeBlocking(this::load).andThen(done -> {
            if (done.succeeded()) {
              onValid.accept(done.result());
            } else if (done.cause() instanceof CatalogException invalid) {
              LOG.warn("the changed catalog is invalid and was not applied; the running catalog stays:\n{}",
                  invalid.getMessage());
              onInvalid.accept(invalid);
            } else {
              LOG.error("reloading the catalog failed; the running catalog stays", done.cause());
            }
          }).<Void>mapEmpty().recover(ignored -> Future.succeededFuture());
        })
        .onComplete(ignored -> checking = false);
  }

  private Loaded load() throws CatalogException {
    Catalog catalog = CatalogLoader.load(tenantsDir, journeysDir);
    return new Loaded(catalog, new ResolvedSecrets(catalog.tenants(), resolver));
  }

  private String currentFingerprint() throws IOException {
    List<String> entries = new ArrayList<>();
    for (Path dir : List.of(tenantsDir, journeysDir)) {
      if (!Files.isDirectory(dir)) {
        entries.add(dir + " missing");
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          entries.add(file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis());
        }
      }
    }
    return String.join("|", entries);
  }
}
