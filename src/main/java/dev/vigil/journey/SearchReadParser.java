package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import dev.vigil.domain.StepAction.OdooCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code search_read: {model, domain, fields, limit, offset, order, context}}: becomes
 * {@code search_read([domain], fields=..., limit=..., ...)} with only the keyword arguments given.
 */
final class SearchReadParser implements ActionParser {
  private static final Set<String> KEYS =
      Set.of("model", "domain", "fields", "limit", "offset", "order", "context");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> {
      Object domain = map.get("domain")
          .map(value -> OdooFields.domain(value, references)).orElse(List.of());
      Map<String, Object> kwargs = new LinkedHashMap<>();
      map.get("fields").ifPresent(fields -> kwargs.put("fields", OdooFields.fieldNames(fields)));
      map.get("limit").flatMap(SearchReadParser::count).ifPresent(n -> kwargs.put("limit", n));
      map.get("offset").flatMap(SearchReadParser::count).ifPresent(n -> kwargs.put("offset", n));
      map.get("order").flatMap(YamlValue::nonBlankText).ifPresent(order -> kwargs.put("order", order));
      OdooFields.context(map, references, kwargs);
      return new OdooCall(
          OdooFields.model(map, references), "search_read", List.of(domain), kwargs, Map.of());
    });
  }

  private static Optional<Integer> count(YamlValue value) {
    Optional<Integer> n = value.integer();
    if (n.isPresent() && n.get() < 0) {
      value.problem("must be 0 or more, found " + n.get());
      return Optional.empty();
    }
    return n;
  }
}
