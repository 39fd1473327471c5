package dev.tradingsystem.shared.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds a deployment config from a file (JSON or YAML, optional) and {@code key=value}
 * overrides. Defaults live in each module's typed config record; see {@link ConfigReader} for
 * precedence and environment naming.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  public static Future<JsonObject> load(Vertx vertx, String file, List<String> overrides, Map<String, String> env) {
    Future<JsonObject> fromFile;
    if (file == null || file.isBlank()) {
      fromFile = Future.succeededFuture(new JsonObject());
    } else if (!Files.isRegularFile(Path.of(file))) {
      return Future.failedFuture(new ConfigException("--config", "no such file: " + file));
    } else {
      String format = file.endsWith(".yaml") || file.endsWith(".yml") ? "yaml" : "json";
      ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat(format)
          .setConfig(new JsonObject().put("path", file));
      ConfigRetriever retriever = ConfigRetriever.create(vertx,
          new ConfigRetrieverOptions().setScanPeriod(0).addStore(store));
      fromFile = retriever.getConfig().eventually(() -> {
        retriever.close();
        return Future.succeededFuture();
      });
    }
    return fromFile.map(tree -> merge(tree, overrides, env));
  }

  /** Pure merge, for tests and for callers that already hold the file tree. */
  public static JsonObject merge(JsonObject tree, List<String> overrides, Map<String, String> env) {
    JsonObject result = tree.copy();
    JsonObject envSnapshot = new JsonObject();
    env.forEach((k, v) -> {
      if (k.startsWith("TRADING_")) {
        envSnapshot.put(k, v);
      }
    });
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(override, "--set expects key=value");
      }
      String key = override.substring(0, eq).trim();
      put(result, key, parseValue(override.substring(eq + 1)));
      envSnapshot.remove(ConfigReader.envName(key));
    }
    result.put(ConfigReader.ENV_KEY, envSnapshot);
    return result;
  }

  public static void put(JsonObject tree, String key, Object value) {
    String[] parts = key.split("\\.");
    JsonObject node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }

  private static Object parseValue(String raw) {
    String trimmed = raw.trim();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      try {
        return Json.decodeValue(trimmed);
      } catch (DecodeException e) {
        return trimmed;
      }
    }
    return trimmed;
  }
}
