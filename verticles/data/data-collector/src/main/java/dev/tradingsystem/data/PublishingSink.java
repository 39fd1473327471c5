package dev.tradingsystem.data;

import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;

/**
 * The sink a pushing (live) source delivers into: every event is numbered and published at once
 * by the same {@link ReplayPublisher} as a replay, so live and replayed data produce identical
 * messages. There is no lockstep barrier live (the market does not wait), so ticks are published
 * as they come. Call only from the collector's context: the publisher is single-threaded.
 */
final class PublishingSink implements MarketDataSink {

  private final ReplayPublisher publisher;

  PublishingSink(ReplayPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void onTrade(Trade trade) {
    publisher.publish(trade, seq -> { });
  }

  @Override
  public void onQuote(Quote quote) {
    publisher.publish(quote, seq -> { });
  }

  @Override
  public void onBookSnapshot(BookSnapshot snapshot) {
    publisher.publish(snapshot, seq -> { });
  }

  @Override
  public void onBookDelta(BookDelta delta) {
    publisher.publish(delta, seq -> { });
  }

  @Override
  public void onCandle(Candle candle) {
    publisher.publish(candle, seq -> { });
  }

  @Override
  public void onRejected(String source, String reason, String raw) {
    publisher.publish(new Rejection(source, reason, raw), seq -> { });
  }
}
