package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * Turns the Avellaneda–Stoikov inputs of one tick into bid and ask prices: the model on the mid,
 * the reservation price nudged by the agents' consensus, the spread floored at Hummingbot's
 * {@code min_spread} and widened by a risk alert, and both quotes kept on their own side of the
 * mid (at least half the minimum spread away) so a post-only order never crosses.
 */
public final class QuotePricer {

  /**
   * One tick's model inputs.
   *
   * @param mid          reference price s
   * @param inventory    q: base units held minus the target holding
   * @param sigma        σ, price units per √second
   * @param timeLeft     T − t in seconds (the horizon times the fraction left)
   * @param kappa        κ, per price unit
   * @param consensus    quorum consensus score in [-1, 1] (0 without quorum)
   * @param spreadFactor risk-alert widening (1 = none)
   */
  public record Inputs(double mid, double inventory, double sigma, double timeLeft, double kappa,
      double consensus, double spreadFactor) {
  }

  /**
   * A priced pair of quotes, as prices (rounding to ticks is the caller's).
   *
   * @param reservationPrice r after the consensus skew
   * @param spread           bid–ask distance after floor and widening
   */
  public record Plan(double mid, double reservationPrice, double spread, double bid, double ask) {
  }

  private static final double BPS = 10_000;

  private final double gamma;
  private final double minSpreadPct;
  private final double consensusSkewBps;

  /**
   * @param gamma            risk aversion γ
   * @param minSpreadPct     Hummingbot {@code min_spread}: floor of the bid–ask distance, percent of the mid
   * @param consensusSkewBps reservation shift per unit of consensus score, bps of the mid
   */
  public QuotePricer(double gamma, double minSpreadPct, double consensusSkewBps) {
    if (!(gamma > 0) || !(minSpreadPct >= 0) || !(consensusSkewBps >= 0)) {
      throw new IllegalArgumentException("gamma must be positive, min spread and skew non-negative");
    }
    this.gamma = gamma;
    this.minSpreadPct = minSpreadPct;
    this.consensusSkewBps = consensusSkewBps;
  }

  public Plan price(Inputs in) {
    AvellanedaStoikov.Quote quote = new AvellanedaStoikov(gamma, in.kappa())
        .quote(in.mid(), in.inventory(), in.sigma(), in.timeLeft());
    double reservation = quote.reservationPrice() + in.mid() * consensusSkewBps * in.consensus() / BPS;
    double floor = in.mid() * minSpreadPct / 100;
    double spread = Math.max(quote.spread(), floor) * in.spreadFactor();
    double halfFloor = floor * in.spreadFactor() / 2;
    double bid = Math.min(reservation - spread / 2, in.mid() - halfFloor);
    double ask = Math.max(reservation + spread / 2, in.mid() + halfFloor);
    return new Plan(in.mid(), reservation, spread, bid, ask);
  }
}
