package dev.vigil.cli;

import dev.vigil.api.auth.IssuedToken;
import dev.vigil.api.auth.Role;
import dev.vigil.api.auth.TokenInfo;
import dev.vigil.bootstrap.ConfigException;
import dev.vigil.bootstrap.RunConfig;
import dev.vigil.bootstrap.RunConfigLoader;
import dev.vigil.domain.Catalog;
import dev.vigil.domain.Tenant;
import dev.vigil.journey.CatalogException;
import dev.vigil.journey.CatalogLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil token create|list|revoke}: the API's bearer tokens, in the PostgreSQL of
 * {@code database_url} or of {@code data_dir} (see {@link TokenDatabase}). A new token is printed
 * once, alone on standard output, and never again: Vigil keeps only its hash. Every change is in
 * the audit log, by the command line.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {"Create, list and revoke the API's bearer tokens (roles tenant-admin, platform, gate)."},
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the tokens are: the same settings as {@code vigil run}'s. */
  static final class Where {
    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (database_url, data_dir, ...).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Vigil's data folder (default .vigil).")
    String dataDir;

    @Option(names = "--tenants", paramLabel = "DIR", description = "Folder of tenant files (default tenants).")
    String tenants;

    @Option(names = "--journeys", paramLabel = "DIR", description = "Folder of journey files (default journeys).")
    String journeys;

    RunConfig config() throws ConfigException {
      Map<String, String> flags = new LinkedHashMap<>();
      Optional.ofNullable(dataDir).ifPresent(v -> flags.put("data-dir", v));
      Optional.ofNullable(tenants).ifPresent(v -> flags.put("tenants", v));
      Optional.ofNullable(journeys).ifPresent(v -> flags.put("journeys", v));
      return RunConfigLoader.load(Optional.ofNullable(config), System::getenv, flags);
    }
  }

  /** Runs an action against the token database, mapping failures to exit codes. */
  private abstract static class TokenAction implements Callable<Integer> {
    @Mixin Where where;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
      RunConfig config;
      try {
        config = where.config();
      } catch (ConfigException invalid) {
        err().println(invalid.getMessage());
        return ExitCodes.USAGE;
      }
      Optional<Integer> refused = check(config);
      if (refused.isPresent()) {
        return refused.get();
      }
      try (TokenDatabase database = TokenDatabase.open(config)) {
        return act(database);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        String why = e instanceof ExecutionException ? e.getCause().getMessage()
            : e instanceof TimeoutException ? "no answer within " + TokenDatabase.LIMIT.toSeconds() + " s" : e.getMessage();
        err().println("vigil token: cannot reach the token database: " + why);
        return ExitCodes.CANNOT_RUN;
      }
    }

    /** Checks the arguments before any database is touched; an exit code when they are refused. */
    Optional<Integer> check(RunConfig config) {
      return Optional.empty();
    }

    abstract int act(TokenDatabase database) throws ExecutionException, TimeoutException;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create a token and print it once (alone on standard output). Keep it: it cannot be shown again."})
  static final class Create extends TokenAction {
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "tenant-admin, platform or gate.")
    String role;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "The tenant of a tenant-admin token (required for it).")
    String tenant;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for (shown by 'list').")
    String label = "";

    private Role parsed;

    @Override
    Optional<Integer> check(RunConfig config) {
      Optional<Role> known = Role.fromLabel(role);
      if (known.isEmpty()) {
        err().println("vigil token create: unknown role '" + role + "': expected one of "
            + Arrays.stream(Role.values()).map(Role::label).collect(Collectors.joining(", ")));
        return Optional.of(ExitCodes.USAGE);
      }
      parsed = known.get();
      if ((parsed == Role.TENANT_ADMIN) != (tenant != null)) {
        err().println("vigil token create: " + (tenant == null ? "a tenant-admin token needs --tenant"
            : "--tenant is only for tenant-admin tokens"));
        return Optional.of(ExitCodes.USAGE);
      }
      return tenant == null ? Optional.empty() : checkTenant(config);
    }

    private Optional<Integer> checkTenant(RunConfig config) {
      Catalog catalog;
      try {
        catalog = CatalogLoader.load(config.tenantsDir(), config.journeysDir());
      } catch (CatalogException invalid) {
        err().println(invalid.getMessage());
        err().println("vigil token create: the catalog is invalid, so --tenant cannot be checked");
        return Optional.of(ExitCodes.USAGE);
      }
      if (catalog.tenant(tenant).isPresent()) {
        return Optional.empty();
      }
      List<String> known = catalog.tenants().stream().map(Tenant::id).toList();
      err().println("vigil token create: no tenant '" + tenant + "' in " + config.tenantsDir() + "; known tenants: "
          + (known.isEmpty() ? "none" : String.join(", ", known)));
      return Optional.of(ExitCodes.USAGE);
    }

    @Override
    int act(TokenDatabase database) throws ExecutionException, TimeoutException {
      IssuedToken issued = Waiting.forResult(
          database.tokens().create(parsed, Optional.ofNullable(tenant), label, Optional.empty()), TokenDatabase.LIMIT);
      err().println("token " + issued.principal().tokenId() + " (" + parsed.label()
          + (tenant == null ? "" : ", tenant " + tenant) + ") created in " + database.description()
          + "; it is shown once, below:");
      err().flush();
      out().println(issued.token());
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = {"List every token (never their text)."})
  static final class ListTokens extends TokenAction {
    @Override
    int act(TokenDatabase database) throws ExecutionException, TimeoutException {
      List<TokenInfo> tokens = Waiting.forResult(database.tokens().list(), TokenDatabase.LIMIT);
      out().printf("%-6s %-13s %-20s %-20s %-20s %-20s %s%n", "ID", "ROLE", "TENANT", "CREATED", "LAST USED",
          "REVOKED", "LABEL");
      for (TokenInfo token : tokens) {
        out().printf("%-6s %-13s %-20s %-20s %-20s %-20s %s%n", token.principal().tokenId(),
            token.principal().role().label(), token.principal().tenantId().orElse("-"), seconds(token.createdAt()),
            token.lastUsedAt().map(TokenCommand::seconds).orElse("-"),
            token.revokedAt().map(TokenCommand::seconds).orElse("-"), token.label());
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = {"Revoke a token: refused from the next request on, its live connections closed within seconds.",
        "Exits 1 when no active token has that id."})
  static final class Revoke extends TokenAction {
    @Parameters(paramLabel = "ID", description = "The token's id (see 'vigil token list').")
    String id;

    @Override
    int act(TokenDatabase database) throws ExecutionException, TimeoutException {
      boolean revoked = Waiting.forResult(database.tokens().revoke(id, Optional.empty()), TokenDatabase.LIMIT);
      if (!revoked) {
        err().println("vigil token revoke: no active token has id '" + id + "'");
        return ExitCodes.FAILED;
      }
      out().println("token " + id + " revoked");
      out().flush();
      return ExitCodes.OK;
    }
  }

  private static String seconds(java.time.Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
