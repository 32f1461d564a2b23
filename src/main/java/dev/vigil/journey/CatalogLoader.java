package dev.vigil.journey;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.SourcePos;
import dev.vigil.domain.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads journey and tenant YAML files into a validated, immutable {@link Catalog}. Every file
 * ({@code *.yaml}, {@code *.yml}, by name) is read and checked completely, and all problems are
 * reported together in one {@link CatalogException}, each with file, line, column and field
 * (e.g. {@code journeys/login.yaml:12:9: steps[1].read.ids: ...}). File names are shown relative to
 * the working directory when they lie below it. No message holds a secret value.
 *
 * <p>Blocking file I/O: call at start-up or from a worker thread ({@code executeBlocking}), never
 * on an event loop.
 */
public final class CatalogLoader {
  private final Problems problems = new Problems();
  private final List<Journey> journeys = new ArrayList<>();
  private final Map<String, SourcePos> journeySources = new LinkedHashMap<>();
  private final Map<String, Set<String>> journeyParams = new LinkedHashMap<>();
  private final List<Tenant> tenants = new ArrayList<>();
  private final Map<String, String> tenantFiles = new LinkedHashMap<>();

  private CatalogLoader() {}

  /**
   * Loads the journeys of {@code journeysDir} and the tenants of {@code tenantsDir}; every
   * journey a tenant lists must be among them.
   *
   * @throws CatalogException listing every problem in every file
   */
  public static Catalog load(Path tenantsDir, Path journeysDir) throws CatalogException {
    CatalogLoader loader = new CatalogLoader();
    loader.files(journeysDir).forEach(loader::addJourney);
    loader.files(tenantsDir).forEach(loader::addTenant);
    return loader.catalog();
  }

  /**
   * Loads the journeys of a folder alone (a catalog without tenants), e.g. to validate journeys or
   * to run them against a target given on the command line.
   *
   * @throws CatalogException listing every problem in every file
   */
  public static Catalog loadJourneys(Path journeysDir) throws CatalogException {
    CatalogLoader loader = new CatalogLoader();
    loader.files(journeysDir).forEach(loader::addJourney);
    return loader.catalog();
  }

  /**
   * Validates a folder: when it has {@code journeys/} and/or {@code tenants/} subfolders, those;
   * else the YAML files in it, each a journey when it has {@code steps}, a tenant when it has
   * {@code odoo}.
   *
   * @throws CatalogException listing every problem in every file, or saying no file was found
   */
  public static Catalog validate(Path dir) throws CatalogException {
    Path journeysDir = dir.resolve("journeys");
    Path tenantsDir = dir.resolve("tenants");
    boolean hasJourneys = Files.isDirectory(journeysDir);
    boolean hasTenants = Files.isDirectory(tenantsDir);
    if (hasJourneys && hasTenants) {
      return load(tenantsDir, journeysDir);
    }
    if (hasJourneys) {
      return loadJourneys(journeysDir);
    }
    CatalogLoader loader = new CatalogLoader();
    List<Path> files = loader.files(hasTenants ? tenantsDir : dir);
    if (files.isEmpty() && loader.problems.isEmpty()) {
      loader.problems.add(SourcePos.none(displayName(dir)), "",
          "no journey or tenant files (*.yaml, *.yml) found");
    }
    if (hasTenants) {
      files.forEach(loader::addTenant);
    } else {
      loader.addMixed(files);
    }
    return loader.catalog();
  }

  private void addMixed(List<Path> files) {
    Map<Path, YamlValue> tenantRoots = new LinkedHashMap<>();
    for (Path file : files) {
      read(file).ifPresent(root -> {
        boolean journey = root.hasKey("steps");
        boolean tenant = root.hasKey("odoo");
        if (!root.isMap()) {
          root.expected("a journey or a tenant: a map");
        } else if (journey && tenant) {
          root.problem(
              "cannot tell a journey (it has steps) from a tenant (it has odoo): it has both");
        } else if (journey) {
          addJourney(root);
        } else if (tenant) {
          tenantRoots.put(file, root);
        } else {
          root.problem("neither a journey (it would have steps) nor a tenant (it would have odoo)");
        }
      });
    }
    tenantRoots.forEach((file, root) -> addTenant(file, root));
  }

  private void addJourney(Path file) {
    read(file).ifPresent(this::addJourney);
  }

  private void addJourney(YamlValue root) {
    JourneyParser.parse(root).ifPresent(journey -> {
      if (journey.id() == null) {
        return;
      }
      SourcePos first = journeySources.putIfAbsent(journey.id(), journey.source());
      if (first != null) {
        problems.add(journey.source(), "id",
            "journey id '" + journey.id() + "' is already used by " + first.file());
        return;
      }
      journeys.add(journey);
      journeyParams.put(journey.id(), journey.params().keySet());
    });
  }

  private void addTenant(Path file) {
    read(file).ifPresent(root -> addTenant(file, root));
  }

  private void addTenant(Path file, YamlValue root) {
    String id = stem(file);
    new TenantParser(journeyParams).parse(root, id).ifPresent(tenant -> {
      String first = tenantFiles.putIfAbsent(id, root.pos().file());
      if (first != null) {
        root.problem("tenant id '" + id + "' (the file name) is already used by " + first);
      } else {
        tenants.add(tenant);
      }
    });
  }

  private Optional<YamlValue> read(Path file) {
    return YamlReader.read(file, displayName(file), problems);
  }

  private List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      problems.add(SourcePos.none(displayName(dir)), "",
          Files.exists(dir) ? "not a folder" : "folder not found");
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(path -> isYaml(path.getFileName().toString()))
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      problems.add(SourcePos.none(displayName(dir)), "", "cannot list the folder: " + e.getMessage());
      return List.of();
    }
  }

  private Catalog catalog() throws CatalogException {
    problems.throwIfAny();
    return new Catalog(tenants, journeys);
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** The path relative to the working directory when it lies below it, else absolute. */
  static String displayName(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path workingDir = Path.of("").toAbsolutePath();
    return absolute.startsWith(workingDir) && !absolute.equals(workingDir)
        ? workingDir.relativize(absolute).toString()
        : absolute.toString();
  }
}
