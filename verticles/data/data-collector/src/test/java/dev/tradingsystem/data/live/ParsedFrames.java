package dev.tradingsystem.data.live;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.List;

/** A {@link FrameListener} that keeps what a parser found. */
final class ParsedFrames implements FrameListener {

  final List<Trade> trades = new ArrayList<>();
  final List<Quote> quotes = new ArrayList<>();
  final List<BookSnapshot> snapshots = new ArrayList<>();
  final List<BookDelta> deltas = new ArrayList<>();
  final List<LiveRejectReason> rejected = new ArrayList<>();

  @Override
  public void trade(Trade trade) {
    trades.add(trade);
  }

  @Override
  public void quote(Quote quote) {
    quotes.add(quote);
  }

  @Override
  public void snapshot(BookSnapshot snapshot) {
    snapshots.add(snapshot);
  }

  @Override
  public void delta(BookDelta delta) {
    deltas.add(delta);
  }

  @Override
  public void rejected(LiveRejectReason reason, String detail) {
    rejected.add(reason);
  }
}
