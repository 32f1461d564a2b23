package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code action: {model, ids, method, context, follow}}: a button or action method on records,
 * {@code model.method(ids)}, following the wizards it opens when asked to.
 */
final class MethodActionParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("model", "ids", "method", "context", "follow");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> {
      Map<String, Object> kwargs = new LinkedHashMap<>();
      OdooFields.context(map, references, kwargs);
      return new OdooCall(OdooFields.model(map, references), OdooFields.method(map),
          List.of(OdooFields.ids(map, references)), kwargs, OdooFields.follow(map));
    });
  }
}
