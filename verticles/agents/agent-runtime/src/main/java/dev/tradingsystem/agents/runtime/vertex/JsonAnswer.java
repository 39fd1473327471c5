package dev.tradingsystem.agents.runtime.vertex;

import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The JSON object a model wrote as its answer text, decoded strictly. */
final class JsonAnswer {

  private JsonAnswer() {
  }

  /**
   * Decodes {@code text} as exactly one JSON object.
   *
   * @throws InvalidAnswerException naming {@code what} when it is not one
   */
  static Map<String, Object> object(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new InvalidAnswerException(what + " is empty");
    }
    try {
      if (Json.decodeValue(text) instanceof JsonObject object) {
        return object.getMap();
      }
      throw new InvalidAnswerException(what + " is not a JSON object");
    } catch (DecodeException e) {
      throw new InvalidAnswerException(what + " is not JSON: " + abbreviate(text));
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
