package dev.tradingsystem.data.live;

import dev.tradingsystem.data.source.MarketDataSink;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a feed delivered, in order; safe to read from the test thread. */
final class RecordingSink implements MarketDataSink {

  record Rejection(String source, String reason, String raw) {
  }

  final List<Trade> trades = new CopyOnWriteArrayList<>();
  final List<Quote> quotes = new CopyOnWriteArrayList<>();
  final List<BookSnapshot> snapshots = new CopyOnWriteArrayList<>();
  final List<BookDelta> deltas = new CopyOnWriteArrayList<>();
  /** Snapshots and deltas interleaved as delivered, to check the sync rules across resyncs. */
  final List<Object> book = new CopyOnWriteArrayList<>();
  final List<Rejection> rejected = new CopyOnWriteArrayList<>();

  @Override
  public void onTrade(Trade trade) {
    trades.add(trade);
  }

  @Override
  public void onQuote(Quote quote) {
    quotes.add(quote);
  }

  @Override
  public void onBookSnapshot(BookSnapshot snapshot) {
    snapshots.add(snapshot);
    book.add(snapshot);
  }

  @Override
  public void onBookDelta(BookDelta delta) {
    deltas.add(delta);
    book.add(delta);
  }

  @Override
  public void onCandle(Candle candle) {
    throw new AssertionError("live feeds deliver no candles");
  }

  @Override
  public void onRejected(String source, String reason, String raw) {
    rejected.add(new Rejection(source, reason, raw));
  }

  List<String> rejectReasons() {
    return rejected.stream().map(Rejection::reason).toList();
  }
}
