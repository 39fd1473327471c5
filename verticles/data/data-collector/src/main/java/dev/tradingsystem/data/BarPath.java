package dev.tradingsystem.data;

import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * The prints a candle-only dataset stands for, so the paper exchange can fill orders inside a bar
 * and the bar's close can be a decision point: open, the nearer extreme, the farther extreme,
 * close (NautilusTrader's bar execution with adaptive high/low ordering), each with a quarter of
 * the volume, at the open, a third and two thirds into the bar, and the close time. The path is a
 * model, not a record: every print is flagged {@code bar_derived}. A decision on bar k's close thus
 * fills on bar k+1's open at the earliest, as in Freqtrade's backtesting.
 *
 * <p>A bar without volume has no path: nothing traded, so nothing could have filled, and the
 * collector publishes the candle without making it a decision point.
 */
final class BarPath {

  /** Prints per bar: open, two extremes, close. */
  static final int POINTS = 4;

  private BarPath() {
  }

  /**
   * The bar's prints in time order, the close last; empty for a bar without volume. {@code meta}
   * of each print is left for the publisher to number (only the event time is set).
   */
  static List<Trade> of(Candle candle) {
    long volume = candle.getVolume();
    if (volume <= 0) {
      return List.of();
    }
    long closeUs = candle.getMeta().getEventTimeUs();
    long openUs = candle.getOpenTimeUs() > 0 && candle.getOpenTimeUs() <= closeUs
        ? candle.getOpenTimeUs()
        : closeUs - Math.max(0, candle.getIntervalSec()) * 1_000_000L;
    long span = closeUs - openUs;
    boolean highFirst = Math.abs(candle.getHigh() - candle.getOpen()) <= Math.abs(candle.getOpen() - candle.getLow());
    long[] prices = {candle.getOpen(), highFirst ? candle.getHigh() : candle.getLow(),
        highFirst ? candle.getLow() : candle.getHigh(), candle.getClose()};
    long[] times = {openUs, openUs + span / 3, openUs + 2 * span / 3, closeUs};
    String[] labels = {"o", highFirst ? "h" : "l", highFirst ? "l" : "h", "c"};
    long quarter = volume / POINTS;
    List<Trade> path = new ArrayList<>(POINTS);
    if (quarter == 0) {
      // Too little volume to split: the whole of it changed hands at the close.
      path.add(print(candle, "c", closeUs, candle.getClose(), volume).toBuilder().setBarClose(true).build());
      return path;
    }
    for (int i = 0; i < POINTS; i++) {
      boolean close = i == POINTS - 1;
      long size = close ? volume - quarter * (POINTS - 1) : quarter;
      path.add(print(candle, labels[i], times[i], prices[i], size).toBuilder().setBarClose(close).build());
    }
    return path;
  }

  private static Trade print(Candle candle, String label, long timeUs, long price, long size) {
    return Trade.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(timeUs))
        .setInstrument(candle.getInstrument())
        .setPrice(price)
        .setSize(size)
        .setAggressor(Side.SIDE_UNSPECIFIED)
        .setTradeId("bar-" + candle.getOpenTimeUs() + "-" + label)
        .setBarDerived(true)
        .build();
  }
}
