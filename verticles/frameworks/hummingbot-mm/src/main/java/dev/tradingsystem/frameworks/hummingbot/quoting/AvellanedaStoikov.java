package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * The Avellaneda–Stoikov (2008) market-making model, in price units of the quote currency:
 * <pre>
 *   reservation price  r = s − q·γ·σ²·(T − t)
 *   optimal spread     δ = γ·σ²·(T − t) + (2/γ)·ln(1 + γ/κ)
 *   quotes             bid = r − δ/2,  ask = r + δ/2
 * </pre>
 * with s the mid price, q the inventory (base units, relative to its target), γ the risk aversion,
 * σ the price volatility (price units per √time unit), κ the order-book intensity decay (per price
 * unit: how fast the arrival rate of market orders falls with distance from the mid) and T − t the
 * time left, in the unit σ is measured in. Pure arithmetic on doubles: the order path rounds the
 * result to ticks.
 */
public final class AvellanedaStoikov {

  /** The model's answer before any floor, skew or rounding. */
  public record Quote(double reservationPrice, double spread, double bid, double ask) {
  }

  private final double gamma;
  private final double kappa;

  /**
   * @param gamma risk aversion γ &gt; 0: higher skews harder against inventory and widens the spread
   * @param kappa order-book intensity κ &gt; 0: higher means fills fall off quickly away from the mid,
   *              so quoting tighter pays
   */
  public AvellanedaStoikov(double gamma, double kappa) {
    if (!(gamma > 0) || !(kappa > 0) || !Double.isFinite(gamma) || !Double.isFinite(kappa)) {
      throw new IllegalArgumentException("gamma and kappa must be positive, got " + gamma + ", " + kappa);
    }
    this.gamma = gamma;
    this.kappa = kappa;
  }

  public double gamma() {
    return gamma;
  }

  public double kappa() {
    return kappa;
  }

  /** The same risk aversion with another κ (an estimate that moved). */
  public AvellanedaStoikov withKappa(double newKappa) {
    return newKappa == kappa ? this : new AvellanedaStoikov(gamma, newKappa);
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
   * σ per √second in price units from the pipeline's features (a per-tick volatility of log returns
   * and a trade rate): the per-tick σ times √(ticks per second), at least one tick per
   * {@code horizonSeconds} so a quiet market does not read as riskless. The fallback while the
   * strategy's own estimator warms up.
   */
  public static double sigmaFromFeatures(double mid, double volatilityPerTick, double tradesPerSecond,
      double horizonSeconds) {
    double ticksPerSecond = Math.max(tradesPerSecond, 1 / horizonSeconds);
    return mid * volatilityPerTick * Math.sqrt(ticksPerSecond);
  }
}
