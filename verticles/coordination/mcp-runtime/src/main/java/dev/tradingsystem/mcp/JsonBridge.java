package dev.tradingsystem.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Crossing between Vert.x JSON (Jackson 2 core) and the SDK's plain maps (Jackson 3) through JSON
 * text: the two object models never mix, so neither mapper meets the other's node types.
 */
final class JsonBridge {

  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
  };

  private final McpJsonMapper mapper;

  JsonBridge(McpJsonMapper mapper) {
    this.mapper = mapper;
  }

  Map<String, Object> toSdk(JsonObject json) {
    try {
      return mapper.readValue(json.encode(), MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonObject toVertx(Map<String, Object> map) {
    if (map == null || map.isEmpty()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(mapper.writeValueAsString(map));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
