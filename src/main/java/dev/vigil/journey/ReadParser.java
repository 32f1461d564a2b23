package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code read: {model, ids, fields, context}}: becomes {@code read(ids, fields)}. */
final class ReadParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("model", "ids", "fields", "context");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> {
      List<Object> args = new ArrayList<>();
      args.add(OdooFields.ids(map, references));
      map.get("fields").ifPresent(fields -> args.add(OdooFields.fieldNames(fields)));
      Map<String, Object> kwargs = new LinkedHashMap<>();
      OdooFields.context(map, references, kwargs);
      return new OdooCall(OdooFields.model(map, references), "read", args, kwargs, Map.of());
    });
  }
}
