package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * The Avellaneda–Stoikov (2008) market-making model, in price units of the quote currency:
 * <pre>
 *   reservation price  r = s − q·γ·σ²·(T − t)
 *   optimal spread     δ = γ·σ²·(T − t) + (2/γ)·ln(1 + γ/κ)
 *   quotes             bid = r − δ/2,  ask = r + δ/2
 * </pre>
 * with s the mid price, q the inventory (base units, relative to its target), γ the risk aversion,
 * σ the price volatility over the horizon (price units), κ the order-book liquidity (how fast fill
 * probability decays with distance from the mid) and T − t the time left, in horizon units.
 * Pure arithmetic on doubles: the order path rounds the result to ticks.
 */
public final class AvellanedaStoikov {

  /** The model's answer before any floor, skew or rounding. */
  public record Quote(double reservationPrice, double spread, double bid, double ask) {
  }

  private final double gamma;
  private final double kappa;

  /**
   * @param gamma risk aversion γ &gt; 0: higher skews harder against inventory and widens the spread
   * @param kappa order-book liquidity κ &gt; 0: higher means fills fall off quickly away from the mid,
   *              so quoting tighter pays
   */
  public AvellanedaStoikov(double gamma, double kappa) {
    if (!(gamma > 0) || !(kappa > 0) || !Double.isFinite(gamma) || !Double.isFinite(kappa)) {
      throw new IllegalArgumentException("gamma and kappa must be positive, got " + gamma + ", " + kappa);
    }
    this.gamma = gamma;
    this.kappa = kappa;
  }

  /** r = s − q·γ·σ²·τ: long inventory lowers it (sell more readily), short raises it. */
  public double reservationPrice(double mid, double inventory, double sigma, double timeLeft) {
    return mid - inventory * gamma * sigma * sigma * timeLeft;
  }

  /** δ = γ·σ²·τ + (2/γ)·ln(1 + γ/κ): the risk term shrinks as the horizon runs out, the liquidity term stays. */
  public double optimalSpread(double sigma, double timeLeft) {
    return gamma * sigma * sigma * timeLeft + (2 / gamma) * Math.log1p(gamma / kappa);
  }

  public Quote quote(double mid, double inventory, double sigma, double timeLeft) {
    double reservation = reservationPrice(mid, inventory, sigma, timeLeft);
    double spread = optimalSpread(sigma, timeLeft);
    return new Quote(reservation, spread, reservation - spread / 2, reservation + spread / 2);
  }

  /**
   * σ over the horizon in price units, from a per-tick volatility of log returns: scaled by the
   * square root of the number of ticks expected in the horizon (at least one) and by the price.
   */
  public static double horizonSigma(double mid, double volatilityPerTick, double tradesPerSecond, double horizonSeconds) {
    double ticks = Math.max(1.0, tradesPerSecond * horizonSeconds);
    return mid * volatilityPerTick * Math.sqrt(ticks);
  }
}
