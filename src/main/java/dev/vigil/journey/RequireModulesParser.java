package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import java.util.Optional;

/** {@code require_modules: [purchase, stock]}: the Odoo modules the journey needs installed. */
final class RequireModulesParser implements ActionParser {

  @Override
  public Optional<StepAction> parse(YamlValue body, JourneyReferences references) {
    if (!body.isList()) {
      return body.expected("a list of Odoo module names, e.g. [purchase]");
    }
    return body.nonEmptyList().map(items -> new StepAction.RequireModules(
        items.stream().map(item -> item.nonBlankText().orElse("")).toList()));
  }
}
