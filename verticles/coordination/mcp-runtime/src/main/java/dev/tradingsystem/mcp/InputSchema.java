package dev.tradingsystem.mcp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input schema of a tool: a JSON Schema object with named arguments. Unknown arguments are
 * refused unless {@link #allowAdditional()}: a misspelt optional argument silently ignored is how a
 * model ends up with a default it did not ask for.
 *
 * <pre>{@code
 * InputSchema.object()
 *     .required("symbol", SchemaProperty.string("Symbol, CCXT notation, e.g. BTC/USD").pattern(SYMBOL))
 *     .optional("horizon", SchemaProperty.integer("Bars ahead").range(1, 1440).defaultValue(60));
 * }</pre>
 */
public final class InputSchema {

  private final Map<String, SchemaProperty> properties = new LinkedHashMap<>();
  private final JsonArray required = new JsonArray();
  private boolean additional;

  private InputSchema() {
  }

  /** An object schema; with no properties added, the tool takes no arguments. */
  public static InputSchema object() {
    return new InputSchema();
  }

  public InputSchema required(String name, SchemaProperty property) {
    put(name, property);
    required.add(name);
    return this;
  }

  public InputSchema optional(String name, SchemaProperty property) {
    put(name, property);
    return this;
  }

  /** Lets callers pass arguments the schema does not name. */
  public InputSchema allowAdditional() {
    additional = true;
    return this;
  }

  public JsonObject toJson() {
    JsonObject props = new JsonObject();
    properties.forEach((name, property) -> props.put(name, property.toJson()));
    JsonObject schema = new JsonObject().put("type", "object").put("properties", props)
        .put("additionalProperties", additional);
    if (!required.isEmpty()) {
      schema.put("required", required.copy());
    }
    return schema;
  }

  /** Defaults of the optional arguments that declare one, by name. */
  Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    properties.forEach((name, property) -> {
      if (property.defaultValue() != null && !required.contains(name)) {
        defaults.put(name, property.defaultValue());
      }
    });
    return defaults;
  }

  private void put(String name, SchemaProperty property) {
    if (properties.putIfAbsent(name, property) != null) {
      throw new IllegalArgumentException("argument '" + name + "' declared twice");
    }
  }
}
