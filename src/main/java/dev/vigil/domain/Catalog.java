package dev.vigil.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable set of tenants and journeys Vigil runs. Built only from input in which
 * every tenant's journeys exist; replaced as a whole on reload, never changed in place.
 */
public final class Catalog {
  private final Map<String, Tenant> tenants;
  private final Map<String, Journey> journeys;

  public Catalog(List<Tenant> tenants, List<Journey> journeys) {
    this.tenants = index(tenants, Tenant::id);
    this.journeys = index(journeys, Journey::id);
  }

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    items.forEach(item -> byId.put(id.apply(item), item));
    return java.util.Collections.unmodifiableMap(byId);
  }

  public Collection<Tenant> tenants() {
    return tenants.values();
  }

  public Collection<Journey> journeys() {
    return journeys.values();
  }

  public Optional<Tenant> tenant(String id) {
    return Optional.ofNullable(tenants.get(id));
  }

  public Optional<Journey> journey(String id) {
    return Optional.ofNullable(journeys.get(id));
  }
}
