package dev.tradingsystem.data;

import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import java.util.function.Function;

/**
 * The sink a pushing (live) source delivers into: every event is numbered and published at once
 * by the same {@link ReplayPublisher} as a replay, so live and replayed data produce identical
 * messages. There is no lockstep barrier live (the market does not wait), so ticks are published
 * as they come. Several instruments each get their own publisher (features and books are per
 * instrument); publishers sharing one {@code ReplayStats} share one seq numbering. Rejections
 * carry no instrument and go to one publisher, which counts and dead-letters each exactly once.
 * Call only from the collector's context: the publishers are single-threaded.
 */
final class PublishingSink implements MarketDataSink {

  private final Function<Instrument, ReplayPublisher> route;
  private final ReplayPublisher rejections;
  private long trades;

  /** One instrument: everything goes to {@code publisher}. */
  PublishingSink(ReplayPublisher publisher) {
    this(instrument -> publisher, publisher);
  }

  /** Events to the publisher of their instrument, rejections to {@code rejections}. */
  PublishingSink(Function<Instrument, ReplayPublisher> route, ReplayPublisher rejections) {
    this.route = route;
    this.rejections = rejections;
  }

  /** Trades published so far (each with its tick FeatureVector). */
  long trades() {
    return trades;
  }

  @Override
  public void onTrade(Trade trade) {
    if (route.apply(trade.getInstrument()).publish(trade, seq -> { }) == ReplayPublisher.Outcome.TICK) {
      trades++;
    }
  }

  @Override
  public void onQuote(Quote quote) {
    route.apply(quote.getInstrument()).publish(quote, seq -> { });
  }

  @Override
  public void onBookSnapshot(BookSnapshot snapshot) {
    route.apply(snapshot.getInstrument()).publish(snapshot, seq -> { });
  }

  @Override
  public void onBookDelta(BookDelta delta) {
    route.apply(delta.getInstrument()).publish(delta, seq -> { });
  }

  @Override
  public void onCandle(Candle candle) {
    route.apply(candle.getInstrument()).publish(candle, seq -> { });
  }

  @Override
  public void onRejected(String source, String reason, String raw) {
    rejections.publish(new Rejection(source, reason, raw), seq -> { });
  }
}
