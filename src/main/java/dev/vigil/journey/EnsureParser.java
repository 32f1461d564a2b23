package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code ensure: {model, domain, values}}: find a record by domain, else create it with values. */
final class EnsureParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("model", "domain", "values");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> new StepAction.Ensure(
        OdooFields.model(map, references),
        map.required("domain").map(value -> OdooFields.domain(value, references)).orElse(List.of()),
        map.required("values").flatMap(value -> value.mapOf(references::templated)).orElse(Map.of())));
  }
}
