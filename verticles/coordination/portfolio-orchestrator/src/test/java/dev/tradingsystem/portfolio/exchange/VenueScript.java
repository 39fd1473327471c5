package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link PaperExchange} on BTC/USD the way the tape does, one market event at a time,
 * each with the next seq at the script's current event time. Book updates reach the exchange
 * with the next trade; {@link #book} and {@link #level} send that trade themselves, on another
 * symbol, so a step reads as "the book now shows ...".
 */
final class VenueScript {

  static final long T0 = 1_723_161_255_000_000L;
  private static final Instrument OTHER = BTC_USD.toBuilder().setSymbol("ETH/USD").build();

  final PaperExchange exchange;
  final List<ExchangeEvent> events = new ArrayList<>();
  private long seq;
  private long timeUs = T0;
  private long updateId = 1_000;

  VenueScript(PaperExchangeConfig config) {
    this.exchange = new PaperExchange(config);
  }

  VenueScript() {
    this(PaperExchangeConfig.defaults());
  }

  /** Moves event time on. */
  VenueScript after(long micros) {
    timeUs += micros;
    return this;
  }

  long now() {
    return timeUs;
  }

  long seq() {
    return seq;
  }

  /** A snapshot, levels as {@code "100.00x5 99.99x3"} best first. */
  List<ExchangeEvent> book(String bids, String asks) {
    BookSnapshot snapshot = BookSnapshot.newBuilder().setMeta(meta(++seq)).setInstrument(BTC_USD)
        .addAllBids(levels(bids)).addAllAsks(levels(asks)).setLastUpdateId(++updateId).build();
    exchange.onBook(snapshot);
    return flush();
  }

  /** One level changes to {@code size} (0 removes it). */
  List<ExchangeEvent> level(Side side, String price, String size) {
    String level = price + "x" + size;
    return side == Side.BUY ? update(level, "-") : update("-", level);
  }

  /** One delta changing several levels, {@code "100.00x0"} removing one. */
  List<ExchangeEvent> update(String bids, String asks) {
    long id = ++updateId;
    exchange.onBook(BookDelta.newBuilder().setMeta(meta(++seq)).setInstrument(BTC_USD)
        .addAllBids(levels(bids)).addAllAsks(levels(asks)).setFirstUpdateId(id).setLastUpdateId(id).build());
    return flush();
  }

  /** A print on BTC/USD; {@code aggressor} SIDE_UNSPECIFIED when the tape does not say. */
  List<ExchangeEvent> print(Side aggressor, String price, String size) {
    Trade trade = Trade.newBuilder().setMeta(meta(++seq)).setInstrument(BTC_USD).setPrice(px(price))
        .setSize(qty(size)).setAggressor(aggressor).setTradeId("tr-" + seq).build();
    return record(exchange.onTrade(trade));
  }

  /** A limit or market order placed now, on the last event's seq. */
  Submission place(String id, Side side, OrderType type, TimeInForce tif, String price, String quantity) {
    return place(id, side, type, tif, price, quantity, false);
  }

  Submission place(String id, Side side, OrderType type, TimeInForce tif, String price, String quantity,
      boolean reduceOnly) {
    return exchange.submit(new OrderTicket("o-" + id, id, "s", BTC_USD, side, type, tif,
        price == null ? 0 : px(price), qty(quantity), seq, timeUs, reduceOnly));
  }

  Submission bid(String id, String price, String quantity) {
    return place(id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, quantity);
  }

  CancelAck cancel(String id) {
    return exchange.cancel("o-" + id, seq, timeUs);
  }

  /** Nothing happens on BTC/USD; in-flight orders and cancels due by now land. */
  List<ExchangeEvent> flush() {
    Trade elsewhere = Trade.newBuilder().setMeta(meta(++seq)).setInstrument(OTHER).setPrice(px("10.00"))
        .setSize(qty("1")).setTradeId("tr-" + seq).build();
    return record(exchange.onTrade(elsewhere));
  }

  WorkingOrder order(String id) {
    return exchange.order("o-" + id).orElseThrow(() -> new AssertionError("o-" + id + " is not working"));
  }

  /** Quantity filled by {@code events} for one order. */
  static long filled(List<ExchangeEvent> events, String id) {
    return fills(events, id).stream().mapToLong(ExchangeEvent.Fill::quantity).sum();
  }

  static List<ExchangeEvent.Fill> fills(List<ExchangeEvent> events, String id) {
    return events.stream().filter(ExchangeEvent.Fill.class::isInstance).map(ExchangeEvent.Fill.class::cast)
        .filter(f -> f.ticket().orderId().equals("o-" + id)).toList();
  }

  private List<ExchangeEvent> record(List<ExchangeEvent> produced) {
    events.addAll(produced);
    return produced;
  }

  private Meta meta(long n) {
    return Meta.newBuilder().setId("md-" + n).setSeq(n).setTraceId("t-" + n).setEventTimeUs(timeUs).build();
  }

  private static List<BookLevel> levels(String text) {
    List<BookLevel> levels = new ArrayList<>();
    for (String level : text.trim().split("\\s+")) {
      if (level.isEmpty() || level.equals("-")) {
        continue;
      }
      String[] parts = level.split("x");
      levels.add(BookLevel.newBuilder().setPrice(px(parts[0])).setSize(qty(parts[1])).build());
    }
    return levels;
  }
}
