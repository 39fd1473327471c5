package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Liquidity;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maker and taker fees in basis points, per venue and instrument. The most specific entry wins:
 * {@code "binance:BTC/USDT"}, then {@code "BTC/USDT"}, then {@code "binance"}, then the defaults.
 * A venue's schedule differs by instrument (BNB-paid, zero-fee pairs) and by venue, and a
 * backtest over several venues must charge each its own.
 *
 * @param defaults rates for anything without an entry
 * @param overrides rates by {@code venue:symbol}, {@code symbol} or {@code venue}
 */
public record FeeSchedule(Rates defaults, Map<String, Rates> overrides) {

  /** 10 %: beyond this a number is a typo, not a cost model. */
  public static final double MAX_BPS = 1_000;

  /**
   * One entry of the schedule.
   *
   * @param makerBps fee on fills of resting orders. Venues pay rebates at high tiers; a
   *     non-negative fee keeps the paper result on the safe side of that.
   * @param takerBps fee on fills that take liquidity (market, IOC, FOK, the marketable part of a limit)
   */
  public record Rates(double makerBps, double takerBps) {

    public Rates {
      check("makerBps", makerBps);
      check("takerBps", takerBps);
    }

    public double bps(Liquidity liquidity) {
      return liquidity == Liquidity.MAKER ? makerBps : takerBps;
    }
  }

  public FeeSchedule {
    overrides = Map.copyOf(new TreeMap<>(overrides));
  }

  /** One rate pair for everything. */
  public static FeeSchedule flat(double makerBps, double takerBps) {
    return new FeeSchedule(new Rates(makerBps, takerBps), Map.of());
  }

  /** The rates that apply to an instrument. */
  public Rates ratesFor(Instrument instrument) {
    String symbol = instrument.getSymbol();
    String venue = instrument.getVenue();
    if (!venue.isEmpty()) {
      Rates exact = overrides.get(venue + ":" + symbol);
      if (exact != null) {
        return exact;
      }
    }
    Rates bySymbol = overrides.get(symbol);
    if (bySymbol != null) {
      return bySymbol;
    }
    Rates byVenue = venue.isEmpty() ? null : overrides.get(venue);
    return byVenue != null ? byVenue : defaults;
  }

  /** Basis points charged on a fill of this instrument with this liquidity. */
  public double bps(Instrument instrument, Liquidity liquidity) {
    return ratesFor(instrument).bps(liquidity);
  }

  static void check(String name, double bps) {
    if (!Double.isFinite(bps) || bps < 0 || bps > MAX_BPS) {
      throw new IllegalArgumentException(name + " must be within [0, " + MAX_BPS + "] bps, got " + bps);
    }
  }
}
