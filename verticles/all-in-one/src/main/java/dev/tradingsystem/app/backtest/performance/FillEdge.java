package dev.tradingsystem.app.backtest.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a market maker earned on its fills, measured against the mid. With s = +1 for a buy and -1
 * for a sell, p the fill price, q its size, m the mid at the fill ({@link MidTape#midAtFill}),
 * m(h) the mid h of event time later ({@link MidTape#midAt}) and M the last mid of the run:
 *
 * <ul>
 *   <li>spread capture P&amp;L = Σ s·(m − p)·q: the edge over the mid the quotes earned at the
 *       moment they filled; spread capture bps = that / Σ p·q × 10⁴;</li>
 *   <li>mark-out at h = Σ s·(m(h) − m)·q / Σ p·q × 10⁴ over the fills whose h lies inside the data:
 *       how far the mid went the fill's way; negative is adverse selection (the fills the market
 *       ran through); spread capture + mark-out at h is the edge still left h later;</li>
 *   <li>inventory P&amp;L = Σ s·(M − m)·q: what holding the fills' inventory from the mid at each
 *       fill to the last mid made or lost, i.e. Σ position × mid change;</li>
 *   <li>net P&amp;L = spread capture + inventory − fees = cash flow of the fills plus the inventory
 *       at the last mid (it can differ from the portfolio's equity by the position times the
 *       difference between its mark price and the mid).</li>
 * </ul>
 *
 * A fill with no mid before it (first events of a run) is priced at its own price: it adds nothing
 * to spread capture or mark-outs and is counted in {@code fillsWithoutMid}.
 *
 * @param markoutPnl per horizon, Σ s·(m(h) − m)·q, quote currency
 * @param markoutNotional per horizon, Σ p·q of the fills that reached it
 * @param markoutFills per horizon, fills that reached it
 */
public record FillEdge(long makerFills, long takerFills, long fillsWithoutMid, double boughtNotional,
    double soldNotional, double spreadPnl, double pricedNotional, List<Double> markoutPnl,
    List<Double> markoutNotional, List<Long> markoutFills, double inventoryPnl, double fees) {

  private static final double BPS = 10_000;

  public FillEdge {
    markoutPnl = List.copyOf(markoutPnl);
    markoutNotional = List.copyOf(markoutNotional);
    markoutFills = List.copyOf(markoutFills);
  }

  /**
   * The edge of one pair's fills.
   *
   * @param fills the pair's fills, in the order they happened
   * @param tape the pair's mids
   * @param horizonsUs the mark-out horizons, microseconds of event time
   */
  public static FillEdge of(List<LiquidityFill> fills, MidTape tape, List<Long> horizonsUs) {
    int n = horizonsUs.size();
    double[] markout = new double[n];
    double[] markoutNotional = new double[n];
    long[] markoutFills = new long[n];
    long maker = 0;
    long withoutMid = 0;
    double bought = 0;
    double sold = 0;
    double spread = 0;
    double priced = 0;
    double inventory = 0;
    double fees = 0;
    double last = tape.lastMid();
    for (LiquidityFill f : fills) {
      maker += f.maker() ? 1 : 0;
      if (f.buy()) {
        bought += f.notional();
      } else {
        sold += f.notional();
      }
      fees += f.fee();
      double mid = tape.midAtFill(f.seq());
      if (Double.isNaN(mid)) {
        withoutMid++;
        mid = f.price();
      } else {
        spread += f.sign() * (mid - f.price()) * f.quantity();
        priced += f.notional();
        for (int h = 0; h < n; h++) {
          double after = tape.midAt(f.timeUs() + horizonsUs.get(h));
          if (!Double.isNaN(after)) {
            markout[h] += f.sign() * (after - mid) * f.quantity();
            markoutNotional[h] += f.notional();
            markoutFills[h]++;
          }
        }
      }
      inventory += f.sign() * ((Double.isNaN(last) ? f.price() : last) - mid) * f.quantity();
    }
    return new FillEdge(maker, fills.size() - maker, withoutMid, bought, sold, spread, priced, boxed(markout),
        boxed(markoutNotional), Arrays.stream(markoutFills).boxed().toList(), inventory, fees);
  }

  /** No fills, for {@code horizons} mark-out horizons. */
  public static FillEdge none(int horizons) {
    return new FillEdge(0, 0, 0, 0, 0, 0, 0, zeros(horizons), zeros(horizons),
        Collections.nCopies(horizons, 0L), 0, 0);
  }

  /** This and {@code other} together (a strategy over its pairs): sums add, ratios re-form from them. */
  public FillEdge plus(FillEdge other) {
    List<Double> pnl = new ArrayList<>();
    List<Double> notional = new ArrayList<>();
    List<Long> count = new ArrayList<>();
    for (int h = 0; h < markoutPnl.size(); h++) {
      pnl.add(markoutPnl.get(h) + other.markoutPnl.get(h));
      notional.add(markoutNotional.get(h) + other.markoutNotional.get(h));
      count.add(markoutFills.get(h) + other.markoutFills.get(h));
    }
    return new FillEdge(makerFills + other.makerFills, takerFills + other.takerFills,
        fillsWithoutMid + other.fillsWithoutMid, boughtNotional + other.boughtNotional,
        soldNotional + other.soldNotional, spreadPnl + other.spreadPnl, pricedNotional + other.pricedNotional, pnl,
        notional, count, inventoryPnl + other.inventoryPnl, fees + other.fees);
  }

  /** Fills of either kind. */
  public long fills() {
    return makerFills + takerFills;
  }

  /** Spread capture per unit of the priced fills' notional, bps; 0 without a priced fill. */
  public double spreadCaptureBps() {
    return pricedNotional == 0 ? 0 : spreadPnl / pricedNotional * BPS;
  }

  /** Mark-out at horizon {@code h} (index into the horizons), bps; NaN when no fill reached it. */
  public double markoutBps(int h) {
    return markoutFills.get(h) == 0 ? Double.NaN : markoutPnl.get(h) / markoutNotional.get(h) * BPS;
  }

  /** Spread capture + inventory − fees, quote currency. */
  public double netPnl() {
    return spreadPnl + inventoryPnl - fees;
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static List<Double> zeros(int n) {
    return Collections.nCopies(n, 0.0);
  }
}
