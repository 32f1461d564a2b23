package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import java.util.Optional;
import java.util.Set;

/** {@code login: {}} or {@code login: {fresh: true}}: log in (a fresh session when asked). */
final class LoginParser implements ActionParser {
  private static final Set<String> KEYS = Set.of("fresh");

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    if (body.isNull()) {
      return Optional.of(new StepAction.Login(false));
    }
    return body.map(KEYS).map(map -> new StepAction.Login(
        map.get("fresh").flatMap(YamlValue::bool).orElse(false)));
  }
}
