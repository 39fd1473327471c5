package dev.tradingsystem.data.live;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;

/** What a venue frame parser found in one frame; a frame may yield several messages or one rejection. */
interface FrameListener {

  void trade(Trade trade);

  void quote(Quote quote);

  void snapshot(BookSnapshot snapshot);

  void delta(BookDelta delta);

  void rejected(LiveRejectReason reason, String detail);
}
