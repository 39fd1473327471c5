package dev.tradingsystem.portfolio.exchange;

/**
 * What the paper exchange charges, in basis points. Fees are taken on the fill notional; the
 * half-spread is what a market order pays over (buy) or under (sell) the last trade price,
 * because a trade print is the price someone else got, not the price still on offer.
 *
 * @param halfSpreadBps half the quoted spread a market order crosses. Higher is more conservative:
 *     a strategy that only survives on a tight spread looks worse on paper, which is what paper
 *     trading is for. Too high and every taker strategy looks broken.
 * @param takerFeeBps fee on fills that take liquidity (market, IOC and FOK orders).
 * @param makerFeeBps fee on fills of resting limit orders. Venues pay rebates at high tiers; a
 *     non-negative fee keeps the paper result on the safe side of that.
 */
public record PaperExchangeConfig(double halfSpreadBps, double takerFeeBps, double makerFeeBps) {

  public static final double DEFAULT_HALF_SPREAD_BPS = 5;
  public static final double DEFAULT_TAKER_FEE_BPS = 10;
  public static final double DEFAULT_MAKER_FEE_BPS = 5;
  /** 10 %: beyond this a number is a typo, not a cost model. */
  public static final double MAX_BPS = 1_000;

  public PaperExchangeConfig {
    check("halfSpreadBps", halfSpreadBps);
    check("takerFeeBps", takerFeeBps);
    check("makerFeeBps", makerFeeBps);
  }

  public static PaperExchangeConfig defaults() {
    return new PaperExchangeConfig(DEFAULT_HALF_SPREAD_BPS, DEFAULT_TAKER_FEE_BPS, DEFAULT_MAKER_FEE_BPS);
  }

  private static void check(String name, double bps) {
    if (!Double.isFinite(bps) || bps < 0 || bps > MAX_BPS) {
      throw new IllegalArgumentException(name + " must be within [0, " + MAX_BPS + "] bps, got " + bps);
    }
  }
}
