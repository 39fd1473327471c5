package dev.tradingsystem.risk.killswitch;

/**
 * When a measured loss (drawdown, daily loss) should trip the switch. It trips at the limit;
 * after an operator resumes trading above the limit, that level is accepted and only a worse one,
 * or a new breach after recovering below the limit, trips again. Otherwise a resume would be
 * undone by the very next snapshot.
 */
final class BreachLatch {

  private final double limit;
  private double last;
  private double accepted = Double.NEGATIVE_INFINITY;

  BreachLatch(double limit) {
    this.limit = limit;
  }

  /** Feeds a new value; true when it is a breach that should trip. Non-finite values are ignored. */
  boolean observe(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    last = value;
    if (value < limit) {
      accepted = Double.NEGATIVE_INFINITY;
      return false;
    }
    return value > accepted;
  }

  /** An operator took over: the current level is accepted. */
  void accept() {
    accepted = last;
  }

  double limit() {
    return limit;
  }
}
