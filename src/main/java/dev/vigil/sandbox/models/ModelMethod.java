package dev.vigil.sandbox.models;

import java.util.List;

/**
 * The body of a method callable over RPC. Returns the JSON result, or null for Python's
 * {@code None} (a response without {@code result}).
 */
@FunctionalInterface
interface ModelMethod {

  /**
   * @param ids the records the method runs on ({@code self}); empty for model-level methods
   */
  Object call(Model model, List<Long> ids, Arguments arguments);
}
