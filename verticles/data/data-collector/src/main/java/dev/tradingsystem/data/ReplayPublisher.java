package dev.tradingsystem.data;

import dev.tradingsystem.data.book.BookIssue;
import dev.tradingsystem.data.book.BookUpdate;
import dev.tradingsystem.data.book.OrderBook;
import dev.tradingsystem.data.book.TopOfBook;
import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.features.FeatureEngine;
import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.IdSequence;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.eventbus.EventBus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one source event into published messages with the collector's numbering: every accepted
 * event takes the next seq and the header {@code md-<seq>} / {@code t-<seq>}; trades go to
 * {@code market.trades} followed by their tick FeatureVector (and any candle vectors they closed),
 * quotes to {@code market.quotes}, book snapshots and deltas to {@code market.books} only while
 * the book is consistent, candles to {@code market.candles} with a candle FeatureVector, framed
 * by their bar path's prints, the close being a tick.
 * Rejections become dead letters. Runs on the collector's context only.
 */
final class ReplayPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayPublisher.class);
  static final String DEAD_LETTER_SOURCE = ServiceNames.DATA_COLLECTOR + "/replay";
  static final String LIVE_DEAD_LETTER_SOURCE = ServiceNames.DATA_COLLECTOR + "/live";

  /** What publishing one event did, for the loop's flow control. */
  enum Outcome {
    /**
     * A trade (or a bar's close print) and its tick FeatureVector went out last: tick participants
     * will answer this seq.
     */
    TICK,
    /** Another message went out under a seq; nobody answers it. */
    EVENT,
    /** Nothing numbered went out (a rejection, or a book update held back). */
    NONE
  }

  private final EventBus eventBus;
  private final Instrument instrument;
  private final ReplayStats stats;
  private final FeatureEngine features;
  private final CandleFeatures candleFeatures;
  private final BookFeatureAdapter bookFeatures;
  private final TopOfBook topOfBook = new TopOfBook();
  private final Map<String, OrderBook> books = new HashMap<>();
  private final Map<String, Counter> rejectCounters = new HashMap<>();
  private final Map<String, Counter> bookIssueCounters = new HashMap<>();
  private final IdSequence deadLetterIds = new IdSequence("dl-data");
  private final String deadLetterSource;

  ReplayPublisher(EventBus eventBus, FeatureConfig featureConfig, Instrument instrument, ReplayStats stats) {
    this(eventBus, featureConfig, instrument, stats, DEAD_LETTER_SOURCE);
  }

  /** As above, naming dead letters {@code deadLetterSource} (replayed and live rejections are told apart). */
  ReplayPublisher(EventBus eventBus, FeatureConfig featureConfig, Instrument instrument, ReplayStats stats,
      String deadLetterSource) {
    this.deadLetterSource = deadLetterSource;
    this.eventBus = eventBus;
    this.instrument = instrument;
    this.stats = stats;
    this.features = new FeatureEngine(featureConfig, instrument);
    this.candleFeatures = new CandleFeatures(featureConfig, instrument);
    // The one place where books reach the feature engine.
    this.bookFeatures = features::onBook;
  }

  /** Event time of a source event (0 for a rejection), for pacing. */
  static long eventTimeUs(Object event) {
    if (event instanceof Trade t) {
      return t.getMeta().getEventTimeUs();
    } else if (event instanceof Quote q) {
      return q.getMeta().getEventTimeUs();
    } else if (event instanceof BookSnapshot s) {
      return s.getMeta().getEventTimeUs();
    } else if (event instanceof BookDelta d) {
      return d.getMeta().getEventTimeUs();
    } else if (event instanceof Candle c) {
      return c.getMeta().getEventTimeUs();
    }
    return 0;
  }

  /**
   * Publishes one event. {@code beforeTick} runs with the seq of a trade just before anything of
   * it is published, so the barrier is armed before any participant can answer.
   */
  Outcome publish(Object event, LongConsumer beforeTick) {
    if (event instanceof Trade trade) {
      return publishTrade(trade, beforeTick);
    } else if (event instanceof Quote quote) {
      return publishQuote(quote);
    } else if (event instanceof BookSnapshot snapshot) {
      return publishSnapshot(snapshot);
    } else if (event instanceof BookDelta delta) {
      return publishDelta(delta);
    } else if (event instanceof Candle candle) {
      return publishCandle(candle, beforeTick);
    } else if (event instanceof Rejection rejection) {
      reject(rejection);
      return Outcome.NONE;
    }
    throw new IllegalArgumentException("not a market event: " + event.getClass().getName());
  }

  private Outcome publishTrade(Trade trade, LongConsumer beforeTick) {
    Meta meta = nextMeta(trade.getMeta().getEventTimeUs());
    Trade message = trade.toBuilder().setMeta(meta).build();
    FeatureVector vector = features.onTrade(meta, meta.getEventTimeUs(), trade.getPrice(), trade.getSize(),
        trade.getAggressor());
    beforeTick.accept(meta.getSeq());
    eventBus.publish(Addresses.MARKET_TRADES, message);
    eventBus.publish(Addresses.FEATURES, vector);
    for (FeatureVector candleVector : features.closedCandleVectors()) {
      eventBus.publish(Addresses.FEATURES_CANDLE, candleVector);
    }
    return Outcome.TICK;
  }

  private Outcome publishQuote(Quote quote) {
    Meta meta = nextMeta(quote.getMeta().getEventTimeUs());
    topOfBook.update(quote.getBidPrice(), quote.getBidSize(), quote.getAskPrice(), quote.getAskSize());
    bookFeatures.onBook(topOfBook, meta.getEventTimeUs());
    eventBus.publish(Addresses.MARKET_QUOTES, quote.toBuilder().setMeta(meta).build());
    return Outcome.EVENT;
  }

  private Outcome publishSnapshot(BookSnapshot snapshot) {
    OrderBook book = book(snapshot.getInstrument());
    BookUpdate update = book.applySnapshot(snapshot);
    if (update != BookUpdate.APPLIED) {
      bookIssue(book);
      return Outcome.NONE;
    }
    Meta meta = nextMeta(snapshot.getMeta().getEventTimeUs());
    bookFeatures.onBook(book, meta.getEventTimeUs());
    // The book after the buffered deltas, not the raw REST snapshot: what consumers get is consistent.
    eventBus.publish(Addresses.MARKET_BOOKS, book.toSnapshot().toBuilder().setMeta(meta).build());
    return Outcome.EVENT;
  }

  private Outcome publishDelta(BookDelta delta) {
    OrderBook book = book(delta.getInstrument());
    BookUpdate update = book.applyDelta(delta);
    if (update == BookUpdate.REJECTED) {
      bookIssue(book);
    }
    if (update != BookUpdate.APPLIED) {
      return Outcome.NONE;
    }
    Meta meta = nextMeta(delta.getMeta().getEventTimeUs());
    bookFeatures.onBook(book, meta.getEventTimeUs());
    eventBus.publish(Addresses.MARKET_BOOKS, delta.toBuilder().setMeta(meta).build());
    return Outcome.EVENT;
  }

  /**
   * A candle from a candle-only source: its {@link BarPath} prints go to {@code market.trades} (the
   * paper exchange fills inside the bar, marks follow it), then the candle and its vector, then the
   * close print, which is the tick: the bar's features go out on {@code features.tick} under the
   * close's seq, so agents, coordinator and strategies decide once per bar, on the close, behind
   * the lockstep barrier. Event times stay in order: open, extremes, close.
   */
  private Outcome publishCandle(Candle candle, LongConsumer beforeTick) {
    List<Trade> path = BarPath.of(candle);
    for (int i = 0; i < path.size() - 1; i++) {
      Trade print = path.get(i);
      eventBus.publish(Addresses.MARKET_TRADES, print.toBuilder().setMeta(nextMeta(print.getMeta().getEventTimeUs())).build());
    }
    Meta meta = nextMeta(candle.getMeta().getEventTimeUs());
    Candle message = candle.toBuilder().setMeta(meta).build();
    FeatureVector vector = candleFeatures.onCandle(meta, message);
    eventBus.publish(Addresses.MARKET_CANDLES, message);
    eventBus.publish(Addresses.FEATURES_CANDLE, vector);
    if (path.isEmpty()) {
      stats.barWithoutVolume();
      return Outcome.EVENT;
    }
    Trade close = path.get(path.size() - 1);
    Meta closeMeta = nextMeta(close.getMeta().getEventTimeUs());
    beforeTick.accept(closeMeta.getSeq());
    eventBus.publish(Addresses.MARKET_TRADES, close.toBuilder().setMeta(closeMeta).build());
    eventBus.publish(Addresses.FEATURES, vector.toBuilder().setMeta(closeMeta).build());
    return Outcome.TICK;
  }

  /** Books that lost sync or refused an update, by symbol. */
  Map<String, OrderBook> books() {
    return books;
  }

  private OrderBook book(Instrument of) {
    String symbol = of.getSymbol().isEmpty() ? instrument.getSymbol() : of.getSymbol();
    return books.computeIfAbsent(symbol, s -> new OrderBook(of.getSymbol().isEmpty() ? instrument : of));
  }

  private void bookIssue(OrderBook book) {
    BookIssue issue = book.lastIssue();
    if (issue == null) {
      return;
    }
    stats.bookIssue(issue.code());
    bookIssueCounters.computeIfAbsent(issue.code(), code -> TradingMetrics.counter("trading_data_book_issues",
        "Order-book updates refused or books resynced, by reason", "symbol", book.instrument().getSymbol(),
        "reason", code)).increment();
    LOG.debug("{} book: {} (synced={}, resyncs={})", book.instrument().getSymbol(), issue.code(), book.synced(),
        book.resyncs());
  }

  private Meta nextMeta(long eventTimeUs) {
    long seq = stats.nextTick(eventTimeUs);
    return Meta.newBuilder()
        .setId("md-" + seq)
        .setSeq(seq)
        .setTraceId("t-" + seq)
        .setEventTimeUs(eventTimeUs)
        .setIngestTimeUs(WallClock.micros())
        .build();
  }

  /** The one place a collector rejection is counted: sources (live feeds included) only report it. */
  private void reject(Rejection rejection) {
    stats.rejected(rejection.reason());
    rejectCounters.computeIfAbsent(rejection.source() + "/" + rejection.reason(),
        key -> TradingMetrics.rejected("data", rejection.source(), rejection.reason())).increment();
    LOG.debug("{} rejected ({}): {}", stats.source(), rejection.reason(), rejection.raw());
    String id = deadLetterIds.next();
    eventBus.publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(Meta.newBuilder()
            .setId(id)
            .setTraceId(id)
            .setSeq(stats.lastSeq())
            .setEventTimeUs(stats.lastEventTimeUs())
            .setIngestTimeUs(WallClock.micros()))
        .setSource(deadLetterSource)
        .setReason(rejection.reason())
        .setPayload(rejection.raw())
        .build());
  }
}
