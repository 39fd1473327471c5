package dev.tradingsystem.data.live;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Binance spot combined-stream frames ({@code {"stream":"btcusdt@trade","data":{...}}}) and REST
 * depth snapshots in their real JSON, to fixed-point contract messages.
 *
 * <ul>
 *   <li>{@code @trade}: {@code t} id, {@code p}/{@code q} price/quantity strings, {@code T} trade
 *       time ms, {@code m} buyer-is-maker, so {@code m:true} is a SELL aggressor;</li>
 *   <li>{@code @bookTicker}: {@code u} book update id, {@code b/B a/A}; spot sends no event time,
 *       so the receive time stands in;</li>
 *   <li>{@code @depth@100ms}: {@code U}/{@code u} first/last update id, {@code E} event time ms,
 *       {@code b}/{@code a} [price, qty] with qty 0 removing the level;</li>
 *   <li>REST {@code /api/v3/depth}: {@code lastUpdateId}, {@code bids}, {@code asks}, best first.</li>
 * </ul>
 */
final class BinanceFrameParser {

  private final Map<String, Instrument> byStreamSymbol = new HashMap<>();
  private final LongSupplier receiveMicros;

  BinanceFrameParser(LiveConfig.Venue venue, LongSupplier receiveMicros) {
    for (String symbol : venue.symbols()) {
      byStreamSymbol.put(streamSymbol(symbol), venue.instrument(symbol));
    }
    this.receiveMicros = receiveMicros;
  }

  /** {@code BTC/USDT} to Binance's stream name part {@code btcusdt}. */
  static String streamSymbol(String ccxtSymbol) {
    return ccxtSymbol.replace("/", "").toLowerCase(Locale.ROOT);
  }

  /** {@code BTC/USDT} to Binance's REST symbol {@code BTCUSDT}. */
  static String restSymbol(String ccxtSymbol) {
    return ccxtSymbol.replace("/", "").toUpperCase(Locale.ROOT);
  }

  /** One combined-stream frame; never throws. */
  void parseStream(String raw, FrameListener out) {
    try {
      JsonObject frame = FrameFields.parse(raw);
      if (frame.containsKey("error")) {
        out.rejected(LiveRejectReason.VENUE_ERROR, String.valueOf(frame.getValue("error")));
        return;
      }
      if (frame.containsKey("result") && frame.containsKey("id")) {
        return; // acknowledgement of a SUBSCRIBE request
      }
      String stream = FrameFields.text(frame, "stream");
      JsonObject data = FrameFields.object(frame, "data");
      int at = stream.indexOf('@');
      if (at <= 0) {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "stream '" + stream + "'");
      }
      Instrument instrument = byStreamSymbol.get(stream.substring(0, at));
      if (instrument == null) {
        throw new FrameException(LiveRejectReason.UNKNOWN_SYMBOL, "stream '" + stream + "'");
      }
      String kind = stream.substring(at + 1);
      if (kind.equals("trade")) {
        out.trade(trade(instrument, data));
      } else if (kind.equals("bookTicker")) {
        out.quote(quote(instrument, data));
      } else if (kind.startsWith("depth")) {
        out.delta(delta(instrument, data));
      } else {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "unsubscribed stream kind '" + kind + "'");
      }
    } catch (FrameException e) {
      out.rejected(e.reason(), e.getMessage());
    }
  }

  /** The REST depth snapshot body for a symbol; throws {@link FrameException} when unusable. */
  BookSnapshot snapshot(String ccxtSymbol, String body) {
    Instrument instrument = byStreamSymbol.get(streamSymbol(ccxtSymbol));
    JsonObject json = FrameFields.parse(body);
    BookSnapshot.Builder snapshot = BookSnapshot.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(receiveMicros.getAsLong()))
        .setInstrument(instrument)
        .setLastUpdateId(FrameFields.whole(json, "lastUpdateId"));
    levels(FrameFields.array(json, "bids"), instrument, snapshot::addBids);
    levels(FrameFields.array(json, "asks"), instrument, snapshot::addAsks);
    return snapshot.build();
  }

  private static Trade trade(Instrument instrument, JsonObject data) {
    boolean buyerIsMaker = data.getValue("m") instanceof Boolean m ? m
        : failBool("m");
    return Trade.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(Math.multiplyExact(FrameFields.whole(data, "T"), 1000L)))
        .setInstrument(instrument)
        .setPrice(FrameFields.price(FrameFields.text(data, "p"), instrument.getPriceScale()))
        .setSize(FrameFields.tradeSize(FrameFields.text(data, "q"), instrument.getSizeScale()))
        .setAggressor(buyerIsMaker ? Side.SELL : Side.BUY)
        .setTradeId(Long.toString(FrameFields.whole(data, "t")))
        .build();
  }

  private Quote quote(Instrument instrument, JsonObject data) {
    long eventMs = data.getValue("E") instanceof Number e ? e.longValue() : -1;
    return Quote.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(eventMs > 0 ? eventMs * 1000 : receiveMicros.getAsLong()))
        .setInstrument(instrument)
        .setUpdateId(FrameFields.whole(data, "u"))
        .setBidPrice(FrameFields.price(FrameFields.text(data, "b"), instrument.getPriceScale()))
        .setBidSize(FrameFields.bookSize(FrameFields.text(data, "B"), instrument.getSizeScale()))
        .setAskPrice(FrameFields.price(FrameFields.text(data, "a"), instrument.getPriceScale()))
        .setAskSize(FrameFields.bookSize(FrameFields.text(data, "A"), instrument.getSizeScale()))
        .build();
  }

  private static BookDelta delta(Instrument instrument, JsonObject data) {
    BookDelta.Builder delta = BookDelta.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(Math.multiplyExact(FrameFields.whole(data, "E"), 1000L)))
        .setInstrument(instrument)
        .setFirstUpdateId(FrameFields.whole(data, "U"))
        .setLastUpdateId(FrameFields.whole(data, "u"));
    if (data.getValue("pu") instanceof Number pu) {
      delta.setPreviousUpdateId(pu.longValue());
    }
    levels(FrameFields.array(data, "b"), instrument, delta::addBids);
    levels(FrameFields.array(data, "a"), instrument, delta::addAsks);
    return delta.build();
  }

  private static void levels(JsonArray rows, Instrument instrument, Consumer<BookLevel> add) {
    for (Object row : rows) {
      if (!(row instanceof JsonArray pair) || pair.size() < 2) {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "level " + row);
      }
      add.accept(BookLevel.newBuilder()
          .setPrice(FrameFields.price(String.valueOf(pair.getValue(0)), instrument.getPriceScale()))
          .setSize(FrameFields.bookSize(String.valueOf(pair.getValue(1)), instrument.getSizeScale()))
          .build());
    }
  }

  private static boolean failBool(String key) {
    throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "missing or non-boolean " + key);
  }
}
