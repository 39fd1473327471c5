package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps what a pulled source delivered, in order, so a batch read on a worker thread
 * can be published later on the collector's context. Events are the contract messages themselves
 * or a {@link Rejection}.
 */
public final class SourceBatch implements MarketDataSink {

  /** A record the source refused, with the reason code and the raw text for the dead letter. */
  public record Rejection(String source, String reason, String raw) {
  }

  private final List<Object> events = new ArrayList<>();
  private boolean more = true;

  /** Pulls one batch from a source. Blocking. */
  public static SourceBatch pull(MarketDataSource source, int maxRecords) throws java.io.IOException {
    SourceBatch batch = new SourceBatch();
    batch.more = source.pull(batch, maxRecords);
    return batch;
  }

  /** The delivered messages and rejections, in source order. */
  public List<Object> events() {
    return events;
  }

  /** False once the source said it has nothing more. */
  public boolean more() {
    return more;
  }

  @Override
  public void onTrade(Trade trade) {
    events.add(trade);
  }

  @Override
  public void onQuote(Quote quote) {
    events.add(quote);
  }

  @Override
  public void onBookSnapshot(BookSnapshot snapshot) {
    events.add(snapshot);
  }

  @Override
  public void onBookDelta(BookDelta delta) {
    events.add(delta);
  }

  @Override
  public void onCandle(Candle candle) {
    events.add(candle);
  }

  @Override
  public void onRejected(String source, String reason, String raw) {
    events.add(new Rejection(source, reason, raw));
  }
}
