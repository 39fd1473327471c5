package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.Side;

/** What became of one data row: an accepted trade or a rejection with its reason. */
public sealed interface RowOutcome permits RowOutcome.AcceptedTrade, RowOutcome.RejectedRow {

  /** Physical line number in the source (the header is line 1). */
  long line();

  /**
   * A validated trade in fixed point.
   *
   * @param eventTimeUs exchange time in microseconds since the epoch
   * @param price price in units of the instrument's price scale, &gt; 0
   * @param size size in units of the instrument's size scale, &gt; 0
   * @param aggressor the taker side when the source reports it, else {@code SIDE_UNSPECIFIED}
   * @param tradeId the source's id, or {@code <venue>-<line>} when it has none
   */
  record AcceptedTrade(long line, long eventTimeUs, long price, long size, Side aggressor, String tradeId)
      implements RowOutcome {
  }

  /** A refused row, kept with its raw text for the dead letter. */
  record RejectedRow(long line, RejectReason reason, String detail, String raw) implements RowOutcome {
  }
}
