package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Adverse selection of a maker's fills: for each fill, the mid at fixed horizons after it (the
 * mid in force when event time first reaches fill time + horizon), and from those the spread
 * captured at the fill and the mark-out at each horizon. A fill whose horizon lies beyond the end
 * of the data has no mark-out there (NaN) and is left out of that horizon's totals. Not
 * thread-safe.
 */
final class MarkOuts {

  /**
   * Totals over the fills.
   *
   * @param spreadCapturedMicros Σ side·(mid at fill − price)·qty
   * @param spreadCapturedBps    the same per unit of filled notional, bps
   * @param markoutMicros        per horizon Σ side·(mid after − price)·qty
   * @param markoutBps           per horizon, per unit of the notional of the fills that reached it
   */
  record Totals(long spreadCapturedMicros, double spreadCapturedBps, List<Long> markoutMicros,
      List<Double> markoutBps) {
  }

  private record Due(long atUs, Watched fill, int horizon) {
  }

  /** A fill and the mids read after it so far. */
  private record Watched(long seq, long timeUs, QueueFillSimulator.Fill fill, double midAtFill, double[] midsAfter) {
  }

  private final List<Long> horizonsMicros;
  private final List<Watched> watched = new ArrayList<>();
  private final List<Deque<Due>> pending = new ArrayList<>();

  MarkOuts(List<Long> horizonsMicros) {
    this.horizonsMicros = List.copyOf(horizonsMicros);
    for (int i = 0; i < horizonsMicros.size(); i++) {
      pending.add(new ArrayDeque<>());
    }
  }

  /** A fill at event time {@code nowUs} when the mid was {@code mid}. */
  void add(long seq, long nowUs, QueueFillSimulator.Fill fill, double mid) {
    double[] after = new double[horizonsMicros.size()];
    Arrays.fill(after, Double.NaN);
    Watched entry = new Watched(seq, nowUs, fill, mid, after);
    watched.add(entry);
    for (int h = 0; h < horizonsMicros.size(); h++) {
      pending.get(h).addLast(new Due(nowUs + horizonsMicros.get(h), entry, h));
    }
  }

  /** Event time reached {@code nowUs} with {@code mid} in force: every mark-out due by then reads it. */
  void due(long nowUs, double mid) {
    for (Deque<Due> queue : pending) {
      // Each horizon's queue is in fill order and so in due order.
      while (!queue.isEmpty() && queue.peekFirst().atUs() <= nowUs) {
        Due due = queue.removeFirst();
        due.fill().midsAfter()[due.horizon()] = mid;
      }
    }
  }

  List<BacktestReport.FillRecord> fills() {
    return watched.stream().map(w -> new BacktestReport.FillRecord(w.seq(), w.timeUs(), w.fill().orderId(),
        w.fill().side(), w.fill().price(), w.fill().quantity(), w.fill().feeMicros(), w.midAtFill(),
        Arrays.stream(w.midsAfter()).boxed().toList())).toList();
  }

  Totals totals(Instrument instrument) {
    double captured = 0;
    double notional = 0;
    double[] markout = new double[horizonsMicros.size()];
    double[] markoutNotional = new double[horizonsMicros.size()];
    for (BacktestReport.FillRecord fill : fills()) {
      double price = FixedPoint.toDouble(fill.price(), instrument.getPriceScale());
      double quantity = FixedPoint.toDouble(fill.quantity(), instrument.getSizeScale());
      double sign = fill.side() == Side.BUY ? 1 : -1;
      if (!Double.isNaN(fill.midAtFill())) {
        captured += sign * (fill.midAtFill() - price) * quantity;
        notional += price * quantity;
      }
      for (int h = 0; h < markout.length; h++) {
        double after = fill.midsAfter().get(h);
        if (!Double.isNaN(after)) {
          markout[h] += sign * (after - price) * quantity;
          markoutNotional[h] += price * quantity;
        }
      }
    }
    List<Long> markoutMicros = new ArrayList<>();
    List<Double> markoutBps = new ArrayList<>();
    for (int h = 0; h < markout.length; h++) {
      markoutMicros.add(Math.round(markout[h] * FixedPoint.MICROS));
      markoutBps.add(markoutNotional[h] > 0 ? markout[h] / markoutNotional[h] * 10_000 : 0.0);
    }
    return new Totals(Math.round(captured * FixedPoint.MICROS), notional > 0 ? captured / notional * 10_000 : 0,
        markoutMicros, markoutBps);
  }
}
