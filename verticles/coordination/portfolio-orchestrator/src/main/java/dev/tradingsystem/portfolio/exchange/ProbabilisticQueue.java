package dev.tradingsystem.portfolio.exchange;

/**
 * Where a resting order stands in its price level's queue, estimated from an L2 (market-by-price)
 * feed: hftbacktest's {@code ProbQueueModel} with the power function f(x) = x^n
 * ({@code PowerProbQueueModel(n)}; n = 1 is {@code IdentityProbQueueModel}).
 * <ul>
 *   <li>On arrival the order queues behind the whole displayed size at its price.</li>
 *   <li>A print at the price advances it by the print's size (trades take the front first).</li>
 *   <li>A decrease of the displayed size that the prints since the last change do not explain is
 *       a cancellation somewhere in the queue: the share taken from ahead of the order is
 *       f(ahead) / (f(ahead) + f(behind)), so with n = 1 in proportion to the sizes ahead and
 *       behind. An increase joins behind the order and does not move it.</li>
 *   <li>The estimate never exceeds the displayed size and never goes below zero on a book change:
 *       a cancellation cannot fill an order, only a print can.</li>
 * </ul>
 * Doubles are used for the probability only; Java's floating point is deterministic, so replays
 * agree to the unit.
 */
final class ProbabilisticQueue {

  private final double power;

  ProbabilisticQueue(double power) {
    this.power = power;
  }

  /**
   * The new size ahead after the level changed from {@code before} to {@code after}.
   *
   * @param ahead current estimate of the displayed size ahead of the order
   * @param printed print volume at the price since the level last changed (already in {@code after})
   */
  long afterDepthChange(long ahead, long before, long after, long printed) {
    long unexplained = before - after - printed;
    if (unexplained <= 0) {
      return Math.max(0, Math.min(ahead, after));
    }
    long behind = Math.max(0, before - ahead);
    double probBehind = probabilityBehind(ahead, behind);
    double estimate = ahead - (1 - probBehind) * unexplained + Math.min(behind - probBehind * unexplained, 0);
    return Math.max(0, Math.min(Math.round(estimate), after));
  }

  /** Probability that a cancellation came from behind the order: f(behind) / (f(behind) + f(ahead)). */
  double probabilityBehind(long ahead, long behind) {
    double fBehind = Math.pow(behind, power);
    double fAhead = Math.pow(ahead, power);
    double probability = fBehind / (fBehind + fAhead);
    return Double.isFinite(probability) ? probability : 1;
  }
}
