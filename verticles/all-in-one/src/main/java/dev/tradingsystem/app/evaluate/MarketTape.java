package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.data.book.BookUpdate;
import dev.tradingsystem.data.book.OrderBook;
import dev.tradingsystem.data.book.TopOfBook;
import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.features.FeatureEngine;
import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.data.source.MarketDataSource;
import dev.tradingsystem.data.source.MarketSources;
import dev.tradingsystem.data.source.ReplayFormat;
import dev.tradingsystem.data.source.SourceSettings;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Market data turned into the tick feature vectors the agents see in a run, by the data
 * collector's own code: its sources ({@link MarketSources}: format detection, validation,
 * fixed point), its {@link FeatureEngine}, and its {@link OrderBook} for depth captures, wired as
 * the collector's publisher wires them (a consistent book or a quote updates the engine's book
 * features; every accepted trade yields one tick vector numbered {@code md-<seq>}). Several files
 * replay in order as one tape, so a capture split at midnight keeps its book. Blocking I/O.
 */
public final class MarketTape {

  /** Receives each tick vector in tape order. */
  @FunctionalInterface
  public interface Listener {
    void onTick(FeatureVector tick);
  }

  /**
   * What a replay read.
   *
   * @param ticks            trades accepted, each delivered as a tick vector
   * @param rejectedByReason records the sources refused, by reason
   * @param bookUpdates      snapshots and deltas applied to a consistent book, plus quotes
   * @param candles          candle records (candle-only formats), which yield no tick vector
   */
  public record Summary(List<String> locations, ReplayFormat format, Instrument instrument, long ticks,
      Map<String, Long> rejectedByReason, long bookUpdates, long candles, long firstEventUs, long lastEventUs) {

    public long rejected() {
      return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether book features (mid, microprice, imbalance) came from a real book. */
    public boolean hasBook() {
      return bookUpdates > 0;
    }
  }

  /** Records read from a source per pull. */
  private static final int BATCH = 5_000;

  private MarketTape() {
  }

  /**
   * Replays {@code locations} (paths or {@code classpath:} resources) in order.
   *
   * @param maxTicks stop after this many tick vectors; 0 reads everything
   * @throws IOException when a file is unreadable, its format or symbol cannot be told, or the
   *     files are of different instruments
   */
  public static Summary replay(List<String> locations, SourceSettings settings, FeatureConfig features, long maxTicks,
      Listener listener) throws IOException {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("no market data given");
    }
    Feed feed = null;
    ReplayFormat format = null;
    for (String location : locations) {
      try (MarketDataSource source = MarketSources.open(location, settings)) {
        if (feed == null) {
          feed = new Feed(features, source.instrument(), maxTicks, listener);
          format = source.format();
        } else if (!feed.instrument.getSymbol().equals(source.instrument().getSymbol())) {
          throw new IOException(location + " holds " + source.instrument().getSymbol() + ", not "
              + feed.instrument.getSymbol() + " like " + locations.get(0));
        }
        while (!feed.full() && source.pull(feed, BATCH)) {
          // pull delivers into the feed
        }
      }
    }
    return new Summary(List.copyOf(locations), format, feed.instrument, feed.seq, Map.copyOf(feed.rejected),
        feed.bookUpdates, feed.candles, feed.firstEventUs, feed.lastEventUs);
  }

  /** The sink: the collector's feature path, minus the event bus. */
  private static final class Feed implements MarketDataSink {

    private final Instrument instrument;
    private final FeatureEngine engine;
    private final OrderBook book;
    private final TopOfBook topOfBook = new TopOfBook();
    private final long maxTicks;
    private final Listener listener;
    private final Map<String, Long> rejected = new TreeMap<>();
    private long seq;
    private long bookUpdates;
    private long candles;
    private long firstEventUs = Long.MIN_VALUE;
    private long lastEventUs = Long.MIN_VALUE;

    Feed(FeatureConfig features, Instrument instrument, long maxTicks, Listener listener) {
      this.instrument = instrument;
      this.engine = new FeatureEngine(features, instrument);
      this.book = new OrderBook(instrument);
      this.maxTicks = maxTicks;
      this.listener = listener;
    }

    boolean full() {
      return maxTicks > 0 && seq >= maxTicks;
    }

    @Override
    public void onTrade(Trade trade) {
      if (full()) {
        return;
      }
      seq++;
      long timeUs = trade.getMeta().getEventTimeUs();
      Meta meta = Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(timeUs)
          .build();
      FeatureVector tick = engine.onTrade(meta, timeUs, trade.getPrice(), trade.getSize(), trade.getAggressor());
      if (firstEventUs == Long.MIN_VALUE) {
        firstEventUs = timeUs;
      }
      lastEventUs = Math.max(lastEventUs, timeUs);
      listener.onTick(tick);
    }

    @Override
    public void onQuote(Quote quote) {
      topOfBook.update(quote.getBidPrice(), quote.getBidSize(), quote.getAskPrice(), quote.getAskSize());
      engine.onBook(topOfBook, quote.getMeta().getEventTimeUs());
      bookUpdates++;
    }

    @Override
    public void onBookSnapshot(BookSnapshot snapshot) {
      if (book.applySnapshot(snapshot) == BookUpdate.APPLIED) {
        engine.onBook(book, snapshot.getMeta().getEventTimeUs());
        bookUpdates++;
      }
    }

    @Override
    public void onBookDelta(BookDelta delta) {
      if (book.applyDelta(delta) == BookUpdate.APPLIED) {
        engine.onBook(book, delta.getMeta().getEventTimeUs());
        bookUpdates++;
      }
    }

    @Override
    public void onCandle(Candle candle) {
      candles++;
    }

    @Override
    public void onRejected(String source, String reason, String raw) {
      rejected.merge(reason, 1L, Long::sum);
    }
  }
}
