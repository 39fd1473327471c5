package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * hftbacktest's raw Binance captures: gzip text, one {@code <local_ns> <json>} per line, where
 * the JSON is a combined-stream message ({@code depth@100ms}/{@code depth@0ms} diffs,
 * {@code trade}, {@code aggTrade}, {@code bookTicker}) or a REST depth snapshot
 * ({@code {"lastUpdateId":..,"bids":..,"asks":..}}). Diffs and snapshots go to the sink
 * unvalidated as to sequence: ordering them into a book (buffering until the snapshot, dropping
 * stale diffs, checking {@code U}/{@code pu}) is the order book's job.
 *
 * <p>Event time is the exchange's ({@code T} for trades, {@code E} otherwise). Spot bookTicker
 * messages and REST snapshots carry none; they take the last exchange time seen in the capture
 * (or the local receive time before any), which keeps event time monotonic with the other streams
 * instead of mixing in the capture host's skewed clock.
 */
final class HftBacktestSource implements MarketDataSource {

  private final String location;
  private final Instrument instrument;
  private final BufferedReader reader;
  private final TradeGuard trades;
  private final QuoteGuard quotes;
  private final long totalHint;
  private long lineNumber;
  private long lastExchangeUs;
  private boolean ended;

  HftBacktestSource(String location, Instrument instrument, double maxPriceJump) throws IOException {
    this.location = location;
    this.instrument = instrument;
    this.trades = new TradeGuard(maxPriceJump);
    this.quotes = new QuoteGuard(maxPriceJump);
    this.totalHint = DataFiles.countLines(location);
    this.reader = DataFiles.open(location);
  }

  @Override
  public boolean pull(MarketDataSink sink, int maxRecords) throws IOException {
    int delivered = 0;
    while (!ended && delivered < maxRecords) {
      String line = reader.readLine();
      if (line == null) {
        ended = true;
        break;
      }
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      delivered++;
      try {
        parse(line, sink);
      } catch (Refusal refusal) {
        sink.onRejected(METRIC_SOURCE, refusal.reason().code(), "line " + lineNumber + ": " + abbreviate(line)
            + " | " + refusal.getMessage());
      }
    }
    return !ended;
  }

  private void parse(String line, MarketDataSink sink) throws Refusal {
    int space = line.indexOf(' ');
    if (space <= 0) {
      throw new Refusal(RejectReason.UNKNOWN_RECORD, "expected '<local_ns> <json>'");
    }
    long localUs = Fields.integer(line.substring(0, space), "local_ns") / 1_000;
    Map<String, Object> message = object(parseJson(line.substring(space + 1)), "message");
    if (message.containsKey("lastUpdateId")) {
      sink.onBookSnapshot(snapshot(message, localUs));
      return;
    }
    Object stream = message.get("stream");
    Map<String, Object> data = object(message.get("data"), "data");
    if (!(stream instanceof String name)) {
      throw new Refusal(RejectReason.UNKNOWN_RECORD, "neither a stream message nor a snapshot");
    }
    if (name.contains("@depth")) {
      sink.onBookDelta(delta(data));
    } else if (name.endsWith("@trade") || name.endsWith("@aggTrade")) {
      sink.onTrade(trade(data, name.endsWith("@aggTrade") ? "a" : "t"));
    } else if (name.endsWith("@bookTicker")) {
      sink.onQuote(quote(data, localUs));
    } else {
      throw new Refusal(RejectReason.UNKNOWN_RECORD, "stream '" + name + "'");
    }
  }

  private BookSnapshot snapshot(Map<String, Object> message, long localUs) throws Refusal {
    long eventUs = message.containsKey("E") ? exchangeTime(text(message, "E")) : lastExchangeOr(localUs);
    return BookSnapshot.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(eventUs))
        .setInstrument(instrument)
        .addAllBids(levels(message.get("bids"), "bids"))
        .addAllAsks(levels(message.get("asks"), "asks"))
        .setLastUpdateId(Fields.integer(text(message, "lastUpdateId"), "lastUpdateId"))
        .build();
  }

  private BookDelta delta(Map<String, Object> data) throws Refusal {
    BookDelta.Builder delta = BookDelta.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(exchangeTime(text(data, "E"))))
        .setInstrument(instrument)
        .addAllBids(levels(data.get("b"), "b"))
        .addAllAsks(levels(data.get("a"), "a"))
        .setFirstUpdateId(Fields.integer(text(data, "U"), "U"))
        .setLastUpdateId(Fields.integer(text(data, "u"), "u"));
    if (data.containsKey("pu")) {
      delta.setPreviousUpdateId(Fields.integer(text(data, "pu"), "pu"));
    }
    return delta.build();
  }

  private Trade trade(Map<String, Object> data, String idField) throws Refusal {
    long price = Fields.price(text(data, "p"), instrument.getPriceScale());
    long size = Fields.size(text(data, "q"), instrument.getSizeScale());
    long timeUs = exchangeTime(text(data, "T"));
    String id = String.valueOf(Fields.integer(text(data, idField), idField));
    Side aggressor = Fields.bool(text(data, "m"), "m") ? Side.SELL : Side.BUY;
    trades.admit(timeUs, price, id);
    return Trade.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(timeUs))
        .setInstrument(instrument)
        .setPrice(price)
        .setSize(size)
        .setAggressor(aggressor)
        .setTradeId(id)
        .build();
  }

  private Quote quote(Map<String, Object> data, long localUs) throws Refusal {
    long updateId = Fields.integer(text(data, "u"), "u");
    long bid = Fields.price(text(data, "b"), instrument.getPriceScale());
    long bidSize = Fields.size(text(data, "B"), instrument.getSizeScale());
    long ask = Fields.price(text(data, "a"), instrument.getPriceScale());
    long askSize = Fields.size(text(data, "A"), instrument.getSizeScale());
    long timeUs = data.containsKey("T") ? exchangeTime(text(data, "T")) : lastExchangeOr(localUs);
    quotes.admit(updateId, bid, ask);
    return Quote.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(timeUs))
        .setInstrument(instrument)
        .setBidPrice(bid)
        .setBidSize(bidSize)
        .setAskPrice(ask)
        .setAskSize(askSize)
        .setUpdateId(updateId)
        .build();
  }

  private List<BookLevel> levels(Object value, String field) throws Refusal {
    if (!(value instanceof List<?> rows)) {
      throw new Refusal(RejectReason.UNKNOWN_RECORD, "'" + field + "' is not a list of levels");
    }
    BookLevel[] levels = new BookLevel[rows.size()];
    for (int i = 0; i < levels.length; i++) {
      if (!(rows.get(i) instanceof List<?> pair) || pair.size() < 2
          || !(pair.get(0) instanceof String price) || !(pair.get(1) instanceof String size)) {
        throw new Refusal(RejectReason.UNKNOWN_RECORD, "'" + field + "' level " + i + " is not [price, qty]");
      }
      levels[i] = BookLevel.newBuilder()
          .setPrice(Fields.price(price, instrument.getPriceScale()))
          .setSize(Fields.sizeOrZero(size, instrument.getSizeScale()))
          .build();
    }
    return List.of(levels);
  }

  private long exchangeTime(String millis) throws Refusal {
    long timeUs = Fields.time(millis);
    lastExchangeUs = Math.max(lastExchangeUs, timeUs);
    return timeUs;
  }

  private long lastExchangeOr(long localUs) {
    return lastExchangeUs > 0 ? lastExchangeUs : localUs;
  }

  private static Object parseJson(String json) throws Refusal {
    try {
      return JsonValues.parse(json);
    } catch (IOException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, "not JSON: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) throws Refusal {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new Refusal(RejectReason.UNKNOWN_RECORD, what + " is not a JSON object");
  }

  private static String text(Map<String, Object> object, String field) throws Refusal {
    if (object.get(field) instanceof String value) {
      return value;
    }
    throw new Refusal(RejectReason.UNKNOWN_RECORD, "missing field '" + field + "'");
  }

  /** Snapshot lines run to hundreds of kilobytes; a dead letter needs only the start. */
  private static String abbreviate(String line) {
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ReplayFormat format() {
    return ReplayFormat.HFTBACKTEST;
  }

  @Override
  public Instrument instrument() {
    return instrument;
  }

  @Override
  public long totalHint() {
    return totalHint;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
