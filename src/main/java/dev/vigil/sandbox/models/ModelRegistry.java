package dev.vigil.sandbox.models;

import dev.vigil.sandbox.orm.ModelSchema;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one database knows about its models: their schemas, their business hooks, their own
 * methods, and the generic methods every model has. Built once per database from its installed
 * modules; immutable afterwards.
 */
final class ModelRegistry {
  private final Map<String, ModelSchema> schemas;
  private final Map<String, ModelHooks> hooks;
  private final Map<String, Map<String, MethodSpec>> methods;
  private final Map<String, MethodSpec> generic;

  private ModelRegistry(Builder builder) {
    this.schemas = Map.copyOf(builder.schemas);
    this.hooks = Map.copyOf(builder.hooks);
    Map<String, Map<String, MethodSpec>> own = new HashMap<>();
    builder.methods.forEach((model, byName) -> own.put(model, Map.copyOf(byName)));
    this.methods = Map.copyOf(own);
    this.generic = Map.copyOf(builder.generic);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean hasModel(String model) {
    return schemas.containsKey(model);
  }

  public Collection<ModelSchema> schemas() {
    return schemas.values();
  }

  public ModelHooks hooks(String model) {
    return hooks.getOrDefault(model, ModelHooks.NONE);
  }

  /** The model's own method of that name, else the generic one. */
  public Optional<MethodSpec> method(String model, String name) {
    MethodSpec own = methods.getOrDefault(model, Map.of()).get(name);
    return Optional.ofNullable(own != null ? own : generic.get(name));
  }

  /** Collects schemas, hooks and methods. */
  public static final class Builder {
    private final Map<String, ModelSchema> schemas = new LinkedHashMap<>();
    private final Map<String, ModelHooks> hooks = new HashMap<>();
    private final Map<String, Map<String, MethodSpec>> methods = new HashMap<>();
    private final Map<String, MethodSpec> generic = new HashMap<>();

    private Builder() {}

    public Builder schema(ModelSchema schema) {
      schemas.put(schema.name(), schema);
      return this;
    }

    public Builder hooks(String model, ModelHooks modelHooks) {
      hooks.put(model, modelHooks);
      return this;
    }

    /** A method of one model. */
    public Builder method(String model, MethodSpec spec) {
      methods.computeIfAbsent(model, ignored -> new HashMap<>()).put(spec.name(), spec);
      return this;
    }

    /** A method every model has. */
    public Builder generic(MethodSpec spec) {
      generic.put(spec.name(), spec);
      return this;
    }

    public ModelRegistry build() {
      return new ModelRegistry(this);
    }
  }
}
