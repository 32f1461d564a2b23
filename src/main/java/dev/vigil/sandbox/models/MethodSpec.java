package dev.vigil.sandbox.models;

import java.util.List;

/**
 * A method callable over RPC: the Python class that defines it (for {@code TypeError} messages),
 * whether it runs on records (its first positional argument is then the ids), its parameter names
 * in order, and its body.
 */
record MethodSpec(String owner, String name, boolean onRecords, List<String> params, ModelMethod body) {

  /** A method on records: {@code model.method(ids, *params)}. */
  public static MethodSpec onRecords(String owner, String name, ModelMethod body, String... params) {
    return new MethodSpec(owner, name, true, List.of(params), body);
  }

  /** A model-level method ({@code @api.model}): {@code model.method(*params)}. */
  public static MethodSpec onModel(String owner, String name, ModelMethod body, String... params) {
    return new MethodSpec(owner, name, false, List.of(params), body);
  }
}
