package dev.tradingsystem.data.live;

import io.vertx.core.json.JsonObject;

/** Nested config trees from dotted keys, with an empty environment so the machine's cannot leak in. */
public final class TestConfig {

  private TestConfig() {
  }

  public static JsonObject of(Object... keysAndValues) {
    JsonObject root = new JsonObject().put("$env", new JsonObject());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String[] parts = ((String) keysAndValues[i]).split("\\.");
      JsonObject node = root;
      for (int p = 0; p < parts.length - 1; p++) {
        JsonObject child = node.getJsonObject(parts[p]);
        if (child == null) {
          child = new JsonObject();
          node.put(parts[p], child);
        }
        node = child;
      }
      node.put(parts[parts.length - 1], keysAndValues[i + 1]);
    }
    return root;
  }
}
