package dev.tradingsystem.mcp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One argument of a tool as a JSON Schema fragment: its type, a description a language model reads to
 * fill it, and the constraints the runtime enforces before the handler runs (pattern, range, enum).
 */
public final class SchemaProperty {

  private final JsonObject schema;
  private Object defaultValue;

  private SchemaProperty(String type, String description) {
    this.schema = new JsonObject().put("type", type).put("description", description);
  }

  public static SchemaProperty string(String description) {
    return new SchemaProperty("string", description);
  }

  public static SchemaProperty integer(String description) {
    return new SchemaProperty("integer", description);
  }

  public static SchemaProperty number(String description) {
    return new SchemaProperty("number", description);
  }

  public static SchemaProperty bool(String description) {
    return new SchemaProperty("boolean", description);
  }

  /** One of a fixed set of strings ({@code "1m", "5m", "1h"}). */
  public static SchemaProperty oneOf(String description, String... values) {
    SchemaProperty property = string(description);
    JsonArray allowed = new JsonArray();
    for (String value : values) {
      allowed.add(value);
    }
    property.schema.put("enum", allowed);
    return property;
  }

  /** A regular expression (ECMA 262 as JSON Schema says; keep to the common subset). */
  public SchemaProperty pattern(String regex) {
    schema.put("pattern", regex);
    return this;
  }

  public SchemaProperty length(int min, int max) {
    schema.put("minLength", min).put("maxLength", max);
    return this;
  }

  /** Inclusive bounds of a number or integer. */
  public SchemaProperty range(Number min, Number max) {
    schema.put("minimum", min).put("maximum", max);
    return this;
  }

  /** Inclusive lower bound only. */
  public SchemaProperty minimum(Number min) {
    schema.put("minimum", min);
    return this;
  }

  /** The value the handler sees when the caller leaves an optional argument out. */
  public SchemaProperty defaultValue(Object value) {
    this.defaultValue = value;
    schema.put("default", value);
    return this;
  }

  Object defaultValue() {
    return defaultValue;
  }

  JsonObject toJson() {
    return schema.copy();
  }
}
