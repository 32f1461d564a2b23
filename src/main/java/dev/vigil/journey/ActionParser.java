package dev.vigil.journey;

import dev.vigil.domain.StepAction;
import java.util.Optional;

/**
 * Reads the body of one action key of a step ({@code search_read: {...}}) into a
 * {@link StepAction}, desugaring shorthands into the plain Odoo call they stand for. One
 * implementation per action key, found through {@link ActionParsers}.
 */
interface ActionParser {

  /**
   * Reads the body. Problems are reported on the body's values; the action returned after a
   * problem may be incomplete and is never run (the catalog is refused).
   *
   * @return empty when the body is not even of the right shape (reported)
   */
  Optional<StepAction> parse(YamlValue body, JourneyReferences references);
}
