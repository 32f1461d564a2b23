package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code call: {model, method, args, kwargs, follow}}: any model method, as written. */
final class CallParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("model", "method", "args", "kwargs", "follow");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> call(map, references, OdooFields.follow(map)));
  }

  /** The call a body with {@code model}, {@code method}, {@code args} and {@code kwargs} makes. */
  static OdooCall call(YamlMap body, JourneyReferences references, Map<String, String> follow) {
    List<Object> args = body.get("args")
        .flatMap(value -> value.listOf(references::templated)).orElse(List.of());
    Map<String, Object> kwargs = body.get("kwargs")
        .flatMap(value -> value.mapOf(references::templated)).orElse(Map.of());
    return new OdooCall(
        OdooFields.model(body, references), OdooFields.method(body), args, kwargs, follow);
  }
}
