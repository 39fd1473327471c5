package dev.tradingsystem.data.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader on Jackson's streaming parser: objects become maps, arrays lists, and
 * every scalar its exact source text, so prices are parsed into fixed point without a detour
 * through double. Enough for venue messages; no data binding needed.
 */
final class JsonValues {

  static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {
  }

  /** Parses one JSON document. @throws IOException when it is not JSON */
  static Object parse(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IOException("empty JSON");
      }
      return read(parser, token);
    }
  }

  /** Reads the value starting at {@code token}. */
  static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, read(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new IOException("unterminated array");
          }
          array.add(read(parser, next));
        }
        return array;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return parser.getText();
      }
    }
  }
}
