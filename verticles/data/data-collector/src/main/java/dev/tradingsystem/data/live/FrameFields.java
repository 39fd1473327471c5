package dev.tradingsystem.data.live;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Strict reads of venue JSON: every missing field, non-number or over-precise decimal becomes a
 * {@link FrameException} with its reason, so a parser has one catch and never a half-built message.
 * Prices and sizes stay exact: strings go straight to fixed point, never through a double.
 */
final class FrameFields {

  private FrameFields() {
  }

  static JsonObject parse(String raw) {
    try {
      return new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "not a JSON object");
    }
  }

  static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "missing " + key);
    }
    return value.toString();
  }

  static long whole(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new FrameException(LiveRejectReason.UNPARSEABLE, key + " is not a whole number");
      }
    }
    throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "missing or non-integer " + key);
  }

  static JsonObject object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "missing object " + key);
  }

  static JsonArray array(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonArray a) {
      return a;
    }
    throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "missing array " + key);
  }

  /** A decimal string in units of {@code scale}; refuses more decimals than the scale. */
  static long units(String text, int scale, String what) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new FrameException(LiveRejectReason.UNPARSEABLE, what + " '" + text + "' is not a decimal");
    }
    try {
      return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new FrameException(LiveRejectReason.EXCESS_PRECISION, what + " '" + text + "' exceeds scale " + scale);
    }
  }

  static long price(String text, int scale) {
    long price = units(text, scale, "price");
    if (price <= 0) {
      throw new FrameException(LiveRejectReason.NON_POSITIVE_PRICE, "price " + text);
    }
    return price;
  }

  /** A book size: zero removes the level, negative is refused. */
  static long bookSize(String text, int scale) {
    long size = units(text, scale, "size");
    if (size < 0) {
      throw new FrameException(LiveRejectReason.NEGATIVE_SIZE, "size " + text);
    }
    return size;
  }

  static long tradeSize(String text, int scale) {
    long size = units(text, scale, "size");
    if (size <= 0) {
      throw new FrameException(LiveRejectReason.NON_POSITIVE_SIZE, "size " + text);
    }
    return size;
  }

  /** RFC 3339 time (Coinbase: nanosecond digits, 'Z') in epoch micros. */
  static long rfc3339Micros(String text) {
    try {
      Instant instant = Instant.parse(text);
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new FrameException(LiveRejectReason.UNPARSEABLE, "time '" + text + "'");
    }
  }
}
