package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;

/**
 * Where every market-data source, replayed or live, delivers what it read, in source order, as
 * contract messages in fixed point. Sources leave {@code meta.seq}, ids and the ingest stamp to
 * the collector, which numbers accepted events; they set the event time and instrument.
 * Replay and live therefore produce identical messages for identical input.
 */
public interface MarketDataSink {

  void onTrade(Trade trade);

  void onQuote(Quote quote);

  void onBookSnapshot(BookSnapshot snapshot);

  void onBookDelta(BookDelta delta);

  void onCandle(Candle candle);

  /** A record the source could not turn into a message: counted and dead-lettered by the collector. */
  void onRejected(String source, String reason, String raw);
}
