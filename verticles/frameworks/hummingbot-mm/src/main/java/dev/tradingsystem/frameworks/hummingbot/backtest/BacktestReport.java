package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.proto.Side;
import java.util.List;

/**
 * What a market-making backtest found: a summary, every fill with its mark-outs, and the account at
 * every decision (the inventory and equity path). Money in micros of quote currency, prices and
 * sizes in instrument units. Records all the way down, so two runs compare with {@code equals}.
 *
 * @param summary the totals
 * @param fills   every fill, in order
 * @param steps   the account after each decision
 */
public record BacktestReport(Summary summary, List<FillRecord> fills, List<Step> steps) {

  public BacktestReport {
    fills = List.copyOf(fills);
    steps = List.copyOf(steps);
  }

  /**
   * The totals.
   *
   * @param events              market events replayed (snapshots, diffs, trades)
   * @param decisions           decisions (one per trade once the book was ready)
   * @param ordersPlaced        orders that reached the book
   * @param ordersRefused       orders the book refused (post-only crossing, below minimum size)
   * @param cancels             cancels that removed a resting order
   * @param fills               fills (an order can fill in several parts)
   * @param boughtQuantity      size units bought
   * @param soldQuantity        size units sold
   * @param finalPosition       inventory at the end, size units
   * @param maxAbsPosition      largest |inventory| reached
   * @param feesMicros          fees paid
   * @param initialEquityMicros equity at the first decision
   * @param finalEquityMicros   equity at the end (cash + inventory at the last mid)
   * @param pnlMicros           final minus initial equity
   * @param spreadCapturedMicros Σ over fills of (mid − price)·qty for buys, (price − mid)·qty for sells,
   *                            at the mid when filled: the edge earned before the market moved
   * @param spreadCapturedBps   the same per unit of filled notional, bps
   * @param markoutMicros       per horizon: Σ (mid after the horizon − price)·qty, signed by side; a
   *                            negative value is adverse selection (fills the market then ran through)
   * @param markoutBps          per horizon, per unit of notional of the fills that have that horizon
   * @param strategyErrors      exceptions the strategy threw (contained by the desk)
   * @param bookGaps            depth diffs that broke the update sequence
   * @param captureSkipped      capture lines of streams the backtest does not use
   * @param captureMalformed    capture lines that did not parse
   */
  public record Summary(long events, long decisions, long ordersPlaced, long ordersRefused, long cancels, long fills,
      long boughtQuantity, long soldQuantity, long finalPosition, long maxAbsPosition, long feesMicros,
      long initialEquityMicros, long finalEquityMicros, long pnlMicros, long spreadCapturedMicros,
      double spreadCapturedBps, List<Long> markoutMicros, List<Double> markoutBps, long strategyErrors,
      long bookGaps, long captureSkipped, long captureMalformed) {

    public Summary {
      markoutMicros = List.copyOf(markoutMicros);
      markoutBps = List.copyOf(markoutBps);
    }
  }

  /**
   * One fill.
   *
   * @param seq         replay sequence of the event that filled it
   * @param timeUs      event time of the fill
   * @param midAtFill   mid when filled
   * @param midsAfter   per mark-out horizon, the mid that long after the fill; NaN when the capture
   *                    ended first
   */
  public record FillRecord(long seq, long timeUs, String orderId, Side side, long price, long quantity,
      long feeMicros, double midAtFill, List<Double> midsAfter) {

    public FillRecord {
      midsAfter = List.copyOf(midsAfter);
    }
  }

  /**
   * The account after one decision.
   *
   * @param seq          replay sequence of the trade decided on
   * @param bestBid      best bid then, price units
   * @param bestAsk      best ask then, price units
   * @param cashMicros   cash
   * @param position     inventory, size units
   * @param equityMicros cash + inventory × (bid + ask)/2
   */
  public record Step(long seq, long timeUs, long bestBid, long bestAsk, long cashMicros, long position,
      long equityMicros) {
  }
}
