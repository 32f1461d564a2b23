package dev.vigil.gate;

import dev.vigil.domain.Catalog;
import dev.vigil.domain.Journey;
import dev.vigil.domain.Step;
import dev.vigil.domain.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a {@link GateRequest} into a {@link GatePlan}, listing every problem at once: unknown
 * tenants or journeys (with the known ones), counts out of range, thresholds that do not parse or
 * name a journey or step the gate does not run. Thresholds given replace the defaults: with none,
 * each tenant × journey is held to {@link DefaultThresholds}. Stateless and thread-safe.
 */
public final class GatePlanner {
  private final DefaultThresholds defaults;

  public GatePlanner(DefaultThresholds defaults) {
    this.defaults = defaults;
  }

  /** Plans a gate over tenants of the catalog, named in the request. */
  public GatePlan plan(Catalog catalog, GateRequest request) throws InvalidGateException {
    List<String> problems = new ArrayList<>();
    if (request.tenants().isEmpty()) {
      problems.add("name at least one tenant");
    }
    List<Tenant> tenants = new ArrayList<>();
    for (String id : request.tenants()) {
      catalog.tenant(id).ifPresentOrElse(tenants::add, () -> problems.add("no tenant '" + id + "' (known: "
          + String.join(", ", catalog.tenants().stream().map(Tenant::id).toList()) + ")"));
    }
    return plan(tenants, catalog, request, problems);
  }

  /** Plans a gate over the given tenants (an ad-hoc target); the request's tenant ids are not used. */
  public GatePlan plan(List<Tenant> tenants, Catalog catalog, GateRequest request) throws InvalidGateException {
    return plan(tenants, catalog, request, new ArrayList<>());
  }

  private GatePlan plan(List<Tenant> tenants, Catalog catalog, GateRequest request, List<String> problems)
      throws InvalidGateException {
    List<Journey> journeys = journeys(catalog, request, problems);
    if (request.runs() < 1 || request.runs() > GateRequest.MAX_RUNS) {
      problems.add("runs must be from 1 to " + GateRequest.MAX_RUNS + ", not " + request.runs());
    }
    if (request.concurrency() < 1 || request.concurrency() > GateRequest.MAX_CONCURRENCY) {
      problems.add("concurrency must be from 1 to " + GateRequest.MAX_CONCURRENCY + ", not " + request.concurrency());
    }
    Thresholds.Parsed parsed = Thresholds.parseAll(request.thresholds(), "--threshold");
    problems.addAll(parsed.problems());
    parsed.thresholds().forEach(t -> scopeProblem(t, journeys).ifPresent(problems::add));
    if (!problems.isEmpty()) {
      throw new InvalidGateException(problems);
    }
    boolean explicit = !request.thresholds().isEmpty();
    List<GateTarget> targets = new ArrayList<>();
    for (Tenant tenant : tenants) {
      for (Journey journey : journeys) {
        List<Threshold> own = explicit
            ? parsed.thresholds().stream().filter(t -> t.journey().filter(journey.id()::equals).isPresent()).toList()
            : defaults.defaultsFor(tenant, journey);
        targets.add(new GateTarget(tenant, journey, own));
      }
    }
    List<Threshold> overall = parsed.thresholds().stream().filter(Threshold::overall).toList();
    return new GatePlan(targets, request.runs(), request.concurrency(), overall);
  }

  private static List<Journey> journeys(Catalog catalog, GateRequest request, List<String> problems) {
    if (request.journeys().isEmpty()) {
      problems.add("name at least one journey");
    }
    List<Journey> journeys = new ArrayList<>();
    for (String id : request.journeys().stream().distinct().toList()) {
      catalog.journey(id).ifPresentOrElse(journeys::add, () -> problems.add("no journey '" + id + "' (known: "
          + String.join(", ", catalog.journeys().stream().map(Journey::id).toList()) + ")"));
    }
    return journeys;
  }

  private static Optional<String> scopeProblem(Threshold threshold, List<Journey> journeys) {
    if (threshold.overall()) {
      return Optional.empty();
    }
    String journeyId = threshold.journey().orElseThrow();
    Optional<Journey> journey = journeys.stream().filter(j -> j.id().equals(journeyId)).findFirst();
    if (journey.isEmpty()) {
      return Optional.of("threshold '" + threshold.text() + "' names journey '" + journeyId
          + "', which this gate does not run (--journey " + journeyId + ")");
    }
    return threshold.step()
        .filter(step -> Stream.concat(journey.get().steps().stream(), journey.get().teardown().stream())
            .map(Step::name).noneMatch(step::equals))
        .map(step -> "threshold '" + threshold.text() + "': journey " + journeyId + " has no step '" + step
            + "' (steps: " + String.join(", ", journey.get().steps().stream().map(Step::name).toList()) + ")");
  }
}
