package dev.tradingsystem.data.live;

import com.google.protobuf.Message;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Advanced Trade WebSocket frames ({@code wss://advanced-trade-ws.coinbase.com}) in their
 * documented JSON, to fixed-point contract messages. Every frame is
 * {@code {"channel", "timestamp", "sequence_num", "events":[...]}}:
 * <ul>
 *   <li>{@code l2_data}: events {@code snapshot} / {@code update} with {@code updates[]} of
 *       {@code side} (bid / offer), {@code price_level}, {@code new_quantity} (0 removes);</li>
 *   <li>{@code market_trades}: {@code trades[]} with {@code trade_id}, {@code price}, {@code size},
 *       {@code side} (BUY / SELL, the taker side per the docs), {@code time}. The {@code snapshot}
 *       event replays the last trades before the subscription; they are history, so only
 *       {@code update} trades are delivered;</li>
 *   <li>{@code ticker}: {@code tickers[]} with {@code best_bid}, {@code best_bid_quantity},
 *       {@code best_ask}, {@code best_ask_quantity};</li>
 *   <li>{@code heartbeats}, {@code subscriptions}: liveness and acknowledgements, no market data.</li>
 * </ul>
 */
final class CoinbaseFrameParser {

  /** One frame: its connection sequence number (-1 when it has none) and what it carried. */
  record Parsed(long sequence, String channel, List<Message> messages, LiveRejectReason reason, String detail) {

    boolean rejected() {
      return reason != null;
    }
  }

  private final Map<String, Instrument> byProduct = new HashMap<>();

  CoinbaseFrameParser(LiveConfig.Venue venue) {
    for (String symbol : venue.symbols()) {
      byProduct.put(productId(symbol), venue.instrument(symbol));
    }
  }

  /** {@code BTC/USD} to Coinbase's product id {@code BTC-USD}. */
  static String productId(String ccxtSymbol) {
    return ccxtSymbol.replace('/', '-');
  }

  /** One frame; never throws. */
  Parsed parse(String raw) {
    long sequence = -1;
    String channel = "";
    try {
      JsonObject frame = FrameFields.parse(raw);
      if ("error".equals(frame.getString("type"))) {
        throw new FrameException(LiveRejectReason.VENUE_ERROR, String.valueOf(frame.getValue("message")));
      }
      channel = FrameFields.text(frame, "channel");
      sequence = FrameFields.whole(frame, "sequence_num");
      long frameTime = FrameFields.rfc3339Micros(FrameFields.text(frame, "timestamp"));
      List<Message> messages = new ArrayList<>();
      JsonArray events = FrameFields.array(frame, "events");
      for (Object e : events) {
        if (!(e instanceof JsonObject event)) {
          throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "event " + e);
        }
        switch (channel) {
          case "l2_data" -> messages.add(book(event, frameTime, sequence));
          case "market_trades" -> trades(event, messages);
          case "ticker" -> quotes(event, frameTime, sequence, messages);
          default -> {
            // heartbeats, subscriptions, status: liveness only
          }
        }
      }
      return new Parsed(sequence, channel, messages, null, null);
    } catch (FrameException e) {
      return new Parsed(sequence, channel, List.of(), e.reason(), e.getMessage());
    }
  }

  private Instrument instrument(JsonObject json) {
    String product = FrameFields.text(json, "product_id");
    Instrument instrument = byProduct.get(product);
    if (instrument == null) {
      throw new FrameException(LiveRejectReason.UNKNOWN_SYMBOL, "product '" + product + "'");
    }
    return instrument;
  }

  private Message book(JsonObject event, long frameTime, long sequence) {
    Instrument instrument = instrument(event);
    String type = FrameFields.text(event, "type");
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (Object u : FrameFields.array(event, "updates")) {
      if (!(u instanceof JsonObject update)) {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "update " + u);
      }
      BookLevel level = BookLevel.newBuilder()
          .setPrice(FrameFields.price(FrameFields.text(update, "price_level"), instrument.getPriceScale()))
          .setSize(FrameFields.bookSize(FrameFields.text(update, "new_quantity"), instrument.getSizeScale()))
          .build();
      switch (FrameFields.text(update, "side")) {
        case "bid" -> bids.add(level);
        case "offer", "ask" -> asks.add(level);
        default -> throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "side " + update.getValue("side"));
      }
    }
    Meta meta = Meta.newBuilder().setEventTimeUs(frameTime).build();
    if (type.equals("snapshot")) {
      // Best first, as BookSnapshot promises, whatever order the venue sent.
      bids.sort(Comparator.comparingLong(BookLevel::getPrice).reversed());
      asks.sort(Comparator.comparingLong(BookLevel::getPrice));
      return BookSnapshot.newBuilder().setMeta(meta).setInstrument(instrument)
          .addAllBids(bids).addAllAsks(asks).setLastUpdateId(sequence).build();
    }
    if (type.equals("update")) {
      return BookDelta.newBuilder().setMeta(meta).setInstrument(instrument)
          .addAllBids(bids).addAllAsks(asks)
          .setFirstUpdateId(sequence).setLastUpdateId(sequence).build();
    }
    throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "l2 event type '" + type + "'");
  }

  private void trades(JsonObject event, List<Message> out) {
    if (!"update".equals(FrameFields.text(event, "type"))) {
      return;
    }
    for (Object t : FrameFields.array(event, "trades")) {
      if (!(t instanceof JsonObject trade)) {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "trade " + t);
      }
      Instrument instrument = instrument(trade);
      Side side = switch (FrameFields.text(trade, "side")) {
        case "BUY" -> Side.BUY;
        case "SELL" -> Side.SELL;
        default -> throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "side " + trade.getValue("side"));
      };
      out.add(Trade.newBuilder()
          .setMeta(Meta.newBuilder().setEventTimeUs(FrameFields.rfc3339Micros(FrameFields.text(trade, "time"))))
          .setInstrument(instrument)
          .setPrice(FrameFields.price(FrameFields.text(trade, "price"), instrument.getPriceScale()))
          .setSize(FrameFields.tradeSize(FrameFields.text(trade, "size"), instrument.getSizeScale()))
          .setAggressor(side)
          .setTradeId(FrameFields.text(trade, "trade_id"))
          .build());
    }
  }

  private void quotes(JsonObject event, long frameTime, long sequence, List<Message> out) {
    for (Object t : FrameFields.array(event, "tickers")) {
      if (!(t instanceof JsonObject ticker)) {
        throw new FrameException(LiveRejectReason.MALFORMED_FRAME, "ticker " + t);
      }
      Instrument instrument = instrument(ticker);
      out.add(Quote.newBuilder()
          .setMeta(Meta.newBuilder().setEventTimeUs(frameTime))
          .setInstrument(instrument)
          .setUpdateId(sequence)
          .setBidPrice(FrameFields.price(FrameFields.text(ticker, "best_bid"), instrument.getPriceScale()))
          .setBidSize(FrameFields.bookSize(FrameFields.text(ticker, "best_bid_quantity"), instrument.getSizeScale()))
          .setAskPrice(FrameFields.price(FrameFields.text(ticker, "best_ask"), instrument.getPriceScale()))
          .setAskSize(FrameFields.bookSize(FrameFields.text(ticker, "best_ask_quantity"), instrument.getSizeScale()))
          .build());
    }
  }
}
