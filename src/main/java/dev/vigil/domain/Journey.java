package dev.vigil.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A named, declarative business flow. {@code steps} run in order until a non-soft step fails;
 * {@code teardown} steps always run afterwards so the journey leaves nothing behind.
 *
 * @param timeout the whole run's limit, teardown excluded (teardown has its own allowance)
 * @param params defaults for {@code ${params.x}}, overridable per tenant
 */
public record Journey(
    String id,
    String description,
    Duration timeout,
    Map<String, Object> params,
    List<Step> steps,
    List<Step> teardown,
    SourcePos source) {

  public Journey {
    params = Map.copyOf(params);
    steps = List.copyOf(steps);
    teardown = List.copyOf(teardown);
  }
}
