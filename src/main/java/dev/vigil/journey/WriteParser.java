package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code write: {model, ids, values, context}}: becomes {@code write(ids, values)}. */
final class WriteParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("model", "ids", "values", "context");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> {
      Map<String, Object> kwargs = new LinkedHashMap<>();
      OdooFields.context(map, references, kwargs);
      return new OdooCall(OdooFields.model(map, references), "write",
          List.of(OdooFields.ids(map, references), OdooFields.values(map, references)),
          kwargs, Map.of());
    });
  }
}
