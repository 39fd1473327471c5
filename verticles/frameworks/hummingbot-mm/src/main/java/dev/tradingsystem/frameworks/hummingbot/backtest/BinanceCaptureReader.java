package dev.tradingsystem.frameworks.hummingbot.backtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.MarketEvent;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of hftbacktest's raw Binance captures (the shared data's
 * {@code orderbook/hftbacktest/*}) as the pipeline's market messages, for the market-making
 * backtest. The data-collector has the full reader, but a service module must not depend on
 * another; this one reads only what the backtest needs.
 *
 * <p>Format: gzip text, one {@code <local_recv_ns> <json>} per line. The JSON is a combined-stream
 * message {@code {"stream": ..., "data": ...}} or, once per capture and a few diffs after its
 * start, the REST depth snapshot {@code {"lastUpdateId", "bids", "asks"}}. Mapping:
 * <ul>
 *   <li>{@code <sym>@depth@100ms} / {@code @depth@0ms} → {@link BookDelta} (U, u, pu, bids, asks),
 *       event time {@code E};</li>
 *   <li>{@code <sym>@trade} → {@link Trade}, event time {@code T}, aggressor SELL when {@code m}
 *       (the buyer was the maker), trade id {@code t};</li>
 *   <li>the snapshot → {@link BookSnapshot}, stamped with the last exchange time seen (it carries
 *       none; the capture host's clock is skewed against the exchange's);</li>
 *   <li>{@code bookTicker} and other streams are skipped and counted: the book is rebuilt from the
 *       snapshot and diffs, which is what a resting order's queue is measured against.</li>
 * </ul>
 * Prices and sizes are parsed exactly into the instrument's scales; a line that does not parse (or
 * carries more decimals than the scale) is skipped and counted as malformed, never guessed at.
 * Each event's header carries seq = its line number. Not thread-safe.
 */
public final class BinanceCaptureReader implements Iterator<MarketEvent>, Closeable {

  private static final JsonFactory JSON = new JsonFactory();

  private final BufferedReader reader;
  private final Instrument instrument;
  private MarketEvent next;
  private long lineNumber;
  private long lastExchangeUs;
  private long skipped;
  private long malformed;

  private BinanceCaptureReader(BufferedReader reader, Instrument instrument) {
    this.reader = reader;
    this.instrument = instrument;
  }

  /** Opens a {@code .gz} capture (or a plain text one) for an instrument of known scales. */
  public static BinanceCaptureReader open(Path capture, Instrument instrument) throws IOException {
    var in = Files.newInputStream(capture);
    var stream = capture.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    return new BinanceCaptureReader(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8),
        1 << 16), instrument);
  }

  /** Lines of other streams (bookTicker, ...) passed over. */
  public long skipped() {
    return skipped;
  }

  /** Lines that did not parse. */
  public long malformed() {
    return malformed;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      String line;
      try {
        line = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException("reading capture line " + (lineNumber + 1), e);
      }
      if (line == null) {
        return false;
      }
      lineNumber++;
      if (!line.isBlank()) {
        next = parse(line);
      }
    }
    return true;
  }

  @Override
  public MarketEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    MarketEvent event = next;
    next = null;
    return event;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private MarketEvent parse(String line) {
    try {
      int space = line.indexOf(' ');
      long localUs = Long.parseLong(line.substring(0, space)) / 1_000;
      Map<String, Object> message = object(read(line.substring(space + 1)));
      if (message.containsKey("lastUpdateId")) {
        long at = lastExchangeUs > 0 ? lastExchangeUs : localUs;
        return MarketEvent.newBuilder().setSnapshot(BookSnapshot.newBuilder().setMeta(meta(at))
            .setInstrument(instrument).setLastUpdateId(number(message, "lastUpdateId"))
            .addAllBids(levels(message.get("bids"))).addAllAsks(levels(message.get("asks")))).build();
      }
      String stream = String.valueOf(message.get("stream"));
      Map<String, Object> data = object(message.get("data"));
      if (stream.contains("@depth")) {
        BookDelta.Builder delta = BookDelta.newBuilder().setMeta(meta(exchangeTime(number(data, "E"))))
            .setInstrument(instrument).setFirstUpdateId(number(data, "U")).setLastUpdateId(number(data, "u"))
            .addAllBids(levels(data.get("b"))).addAllAsks(levels(data.get("a")));
        if (data.containsKey("pu")) {
          delta.setPreviousUpdateId(number(data, "pu"));
        }
        return MarketEvent.newBuilder().setDelta(delta).build();
      }
      if (stream.endsWith("@trade")) {
        return MarketEvent.newBuilder().setTrade(Trade.newBuilder().setMeta(meta(exchangeTime(number(data, "T"))))
            .setInstrument(instrument)
            .setPrice(units(data.get("p"), instrument.getPriceScale()))
            .setSize(units(data.get("q"), instrument.getSizeScale()))
            .setAggressor(Boolean.TRUE.equals(data.get("m")) ? Side.SELL : Side.BUY)
            .setTradeId(String.valueOf(number(data, "t")))).build();
      }
      skipped++;
      return null;
    } catch (IOException | RuntimeException e) {
      malformed++;
      return null;
    }
  }

  private Meta meta(long eventTimeUs) {
    return Meta.newBuilder().setId("capture-" + lineNumber).setSeq(lineNumber).setEventTimeUs(eventTimeUs).build();
  }

  private long exchangeTime(long millis) {
    long us = Math.multiplyExact(millis, 1_000L);
    lastExchangeUs = Math.max(lastExchangeUs, us);
    return us;
  }

  private List<BookLevel> levels(Object value) {
    List<BookLevel> levels = new ArrayList<>();
    for (Object row : (List<?>) value) {
      List<?> pair = (List<?>) row;
      levels.add(BookLevel.newBuilder().setPrice(units(pair.get(0), instrument.getPriceScale()))
          .setSize(units(pair.get(1), instrument.getSizeScale())).build());
    }
    return levels;
  }

  /** A decimal string in units of 10^-scale, exactly (trailing zeros beyond the scale are fine). */
  private static long units(Object text, int scale) {
    return new BigDecimal((String) text).setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  private static long number(Map<String, Object> object, String field) {
    Object value = object.get(field);
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("field " + field + " is not a number: " + value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("not a JSON object");
  }

  private static Object read(String json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      return value(parser);
    }
  }

  /** The value at the parser's current token: Map, List, String, Long/Double, Boolean or null. */
  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("unexpected end of JSON");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }
}
