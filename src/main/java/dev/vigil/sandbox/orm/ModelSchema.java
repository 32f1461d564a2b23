package dev.vigil.sandbox.orm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The definition of one model: technical name, description (as used in access-error messages),
 * default order, fields, and how a record's display name is formed. Every model has the
 * {@code id} and {@code display_name} fields. Immutable once built.
 */
public final class ModelSchema {

  /** Forms a record's {@code display_name}. */
  @FunctionalInterface
  public interface DisplayName {
    String of(Store store, Record record);
  }

  private final String name;
  private final String description;
  private final String order;
  private final Map<String, Field> fields;
  private final DisplayName displayName;

  private ModelSchema(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.order = builder.order;
    this.displayName = builder.displayName;
    Map<String, Field> all = new LinkedHashMap<>();
    all.put("id", Field.of("id", FieldType.INTEGER, "ID"));
    all.putAll(builder.fields);
    DisplayName naming = builder.displayName;
    all.put("display_name", Field.chars("display_name", "Display Name").computedBy(naming::of));
    this.fields = Collections.unmodifiableMap(all);
  }

  /** Starts a schema for {@code name}; {@code description} is the model's label ("Contact"). */
  public static Builder builder(String name, String description) {
    return new Builder(name, description);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The default order of searches ({@code _order}), e.g. {@code "name, id"}. */
  public String order() {
    return order;
  }

  public Optional<Field> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }

  public boolean has(String fieldName) {
    return fields.containsKey(fieldName);
  }

  /** All fields, {@code id} first, in declaration order. */
  public Collection<Field> fields() {
    return fields.values();
  }

  public String displayName(Store store, Record record) {
    return displayName.of(store, record);
  }

  /** Collects the fields of a {@link ModelSchema}. */
  public static final class Builder {
    private final String name;
    private final String description;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private String order = "id";
    private DisplayName displayName = (store, record) -> record.string("name");

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    /** Adds a field; a field with the same name replaces the earlier one. */
    public Builder field(Field field) {
      fields.put(field.name(), field);
      return this;
    }

    public Builder order(String defaultOrder) {
      this.order = defaultOrder;
      return this;
    }

    public Builder displayName(DisplayName naming) {
      this.displayName = naming;
      return this;
    }

    public ModelSchema build() {
      return new ModelSchema(this);
    }
  }
}
