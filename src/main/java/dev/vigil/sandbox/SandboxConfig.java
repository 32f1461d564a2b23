package dev.vigil.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sandbox Odoo server: where it listens, which Odoo version it speaks, its databases, how
 * many workers they share, the passwords of its users {@code admin} (uid 2, administrator) and
 * {@code demo} (uid 6), how slow it is, and how it answers a call without a session.
 *
 * <p>Build with {@link #defaults(int, String...)} and the {@code with...} methods; a config is
 * checked by {@link #validate()}, which lists every problem at once.
 *
 * @param host the interface to listen on
 * @param port the port, 0 for an ephemeral one
 * @param odooVersion the major version: 16, 17, 18 or 19
 * @param workers the server's worker count: every database shares them
 * @param latencyScale 1.0 answers with the recorded timings, 0 as fast as possible
 */
public record SandboxConfig(
    String host,
    int port,
    int odooVersion,
    List<Database> databases,
    int workers,
    String adminPassword,
    String demoPassword,
    double latencyScale,
    SessionExpiryMode sessionExpiry) {

  /** The modules every database has unless told otherwise. */
  public static final Set<String> DEFAULT_MODULES = Set.of("account", "stock");
  /** The modules a database may have (besides {@code base}). */
  public static final Set<String> KNOWN_MODULES = Set.of("account", "stock", "purchase");
  public static final Set<Integer> VERSIONS = Set.of(16, 17, 18, 19);

  public SandboxConfig {
    databases = databases == null ? List.of() : List.copyOf(databases);
  }

  /** One database of the server and its installed modules. */
  public record Database(String name, Set<String> modules) {
    public Database {
      modules = modules == null ? Set.of() : Set.copyOf(new TreeSet<>(modules));
    }

    /** A database with the default modules (account, stock). */
    public static Database of(String name) {
      return new Database(name, DEFAULT_MODULES);
    }

    /** This database with one more module installed (e.g. {@code purchase}). */
    public Database withModule(String module) {
      Set<String> more = new HashSet<>(modules);
      more.add(module);
      return new Database(name, more);
    }
  }

  /**
   * A server on 127.0.0.1, ephemeral port, 4 workers, passwords {@code admin}/{@code demo},
   * recorded timings, {@link SessionExpiryMode#SESSION_EXPIRED}, with databases of the default
   * modules.
   */
  public static SandboxConfig defaults(int odooVersion, String... databaseNames) {
    List<Database> databases = new ArrayList<>();
    for (String name : databaseNames) {
      databases.add(Database.of(name));
    }
    return new SandboxConfig("127.0.0.1", 0, odooVersion, databases, 4, "admin", "demo", 1.0,
        SessionExpiryMode.SESSION_EXPIRED);
  }

  public SandboxConfig withHost(String newHost) {
    return new SandboxConfig(newHost, port, odooVersion, databases, workers, adminPassword, demoPassword,
        latencyScale, sessionExpiry);
  }

  public SandboxConfig withPort(int newPort) {
    return new SandboxConfig(host, newPort, odooVersion, databases, workers, adminPassword, demoPassword,
        latencyScale, sessionExpiry);
  }

  public SandboxConfig withDatabases(List<Database> newDatabases) {
    return new SandboxConfig(host, port, odooVersion, newDatabases, workers, adminPassword, demoPassword,
        latencyScale, sessionExpiry);
  }

  /** This config with one more database. */
  public SandboxConfig withDatabase(Database database) {
    List<Database> more = new ArrayList<>(databases);
    more.add(database);
    return withDatabases(more);
  }

  public SandboxConfig withWorkers(int newWorkers) {
    return new SandboxConfig(host, port, odooVersion, databases, newWorkers, adminPassword, demoPassword,
        latencyScale, sessionExpiry);
  }

  public SandboxConfig withPasswords(String newAdminPassword, String newDemoPassword) {
    return new SandboxConfig(host, port, odooVersion, databases, workers, newAdminPassword, newDemoPassword,
        latencyScale, sessionExpiry);
  }

  public SandboxConfig withLatencyScale(double newLatencyScale) {
    return new SandboxConfig(host, port, odooVersion, databases, workers, adminPassword, demoPassword,
        newLatencyScale, sessionExpiry);
  }

  public SandboxConfig withSessionExpiry(SessionExpiryMode newSessionExpiry) {
    return new SandboxConfig(host, port, odooVersion, databases, workers, adminPassword, demoPassword,
        latencyScale, newSessionExpiry);
  }

  /** Every problem of this config (empty when it is usable). Passwords are never quoted. */
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (host == null || host.isBlank()) {
      problems.add("host is empty");
    }
    if (port < 0 || port > 65535) {
      problems.add("port " + port + " is not between 0 and 65535");
    }
    if (!VERSIONS.contains(odooVersion)) {
      problems.add("Odoo version " + odooVersion + " is not one of " + new TreeSet<>(VERSIONS));
    }
    if (databases.isEmpty()) {
      problems.add("no database");
    }
    Set<String> names = new LinkedHashSet<>();
    for (Database database : databases) {
      if (database.name() == null || !database.name().matches("[A-Za-z0-9_.-]+")) {
        problems.add("database name '" + database.name() + "' is not made of letters, digits, '_', '.', '-'");
      } else if (!names.add(database.name())) {
        problems.add("database " + database.name() + " is listed twice");
      }
      Set<String> unknown = new TreeSet<>(database.modules());
      unknown.removeAll(KNOWN_MODULES);
      if (!unknown.isEmpty()) {
        problems.add("database " + database.name() + ": unknown modules " + unknown + " (known: "
            + new TreeSet<>(KNOWN_MODULES) + ")");
      }
    }
    if (workers < 1) {
      problems.add("workers must be at least 1, not " + workers);
    }
    if (adminPassword == null || adminPassword.isEmpty()) {
      problems.add("the admin password is empty");
    }
    if (demoPassword == null || demoPassword.isEmpty()) {
      problems.add("the demo password is empty");
    }
    if (!(latencyScale >= 0) || Double.isInfinite(latencyScale)) {
      problems.add("latency scale must be a finite number >= 0, not " + latencyScale);
    }
    if (sessionExpiry == null) {
      problems.add("session expiry mode is missing");
    }
    return problems;
  }
}
