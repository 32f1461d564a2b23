package dev.vigil.journey;

import dev.vigil.domain.Assertion;
import dev.vigil.domain.StepAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code poll: {model, method, args, kwargs, until, every, within}}: repeat a call every
 * {@code every} (default 1s) until all {@code until} assertions hold, for at most {@code within}
 * (default 30s).
 */
final class PollParser implements ActionParser {
  private static final Set<String> KEYS =
      Set.of("model", "method", "args", "kwargs", "until", "every", "within");
  private static final Duration EVERY = Duration.ofSeconds(1);
  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    return body.map(KEYS).map(map -> {
      List<Assertion> until = map.required("until")
          .filter(value -> value.nonEmptyList().isPresent())
          .map(value -> AssertionParser.parseList(value, references))
          .orElse(List.of());
      Duration every = map.get("every").flatMap(YamlValue::duration).orElse(EVERY);
      Duration within = map.get("within").flatMap(YamlValue::duration).orElse(WITHIN);
      if (every.compareTo(within) > 0) {
        map.get("every").or(() -> map.get("within")).orElseThrow().problem(
            "'every' (" + Durations.format(every) + ") is longer than 'within' ("
                + Durations.format(within) + ")");
      }
      return new StepAction.Poll(CallParser.call(map, references, Map.of()), until, every, within);
    });
  }
}
