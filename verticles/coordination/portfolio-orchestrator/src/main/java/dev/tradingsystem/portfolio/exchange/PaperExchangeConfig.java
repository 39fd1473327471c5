package dev.tradingsystem.portfolio.exchange;

/**
 * What the paper exchange charges and how slowly it answers. Fees are taken on the fill notional;
 * the half-spread is what a market order pays over (buy) or under (sell) the last trade price
 * when there is no book, because a trade print is the price someone else got, not the price
 * still on offer. Latencies are in event-time microseconds, so a replay stays deterministic.
 *
 * @param halfSpreadBps half the quoted spread a market order crosses on a symbol without a book.
 *     Higher is more conservative: a strategy that only survives on a tight spread looks worse on
 *     paper, which is what paper trading is for. Too high and every taker strategy looks broken.
 *     With a book the spread is the book's own and this is not used.
 * @param fees maker and taker fees per venue and instrument
 * @param submitLatencyUs from placement to the order reaching the venue (joining the queue or
 *     taking the book). 0 keeps the classic "fills from the next event" behaviour; a realistic
 *     value (a few milliseconds to a colocated venue, 50-200 ms over the internet) makes quotes
 *     join behind whatever arrived meanwhile and takers pay for the book having moved.
 * @param cancelLatencyUs from a cancel to it taking effect; fills in between still happen, which
 *     is the adverse selection a market maker pays for slow cancels. 0 cancels at once.
 * @param queuePower exponent n of hftbacktest's power probability queue model, f(x) = x^n: the
 *     share of a displayed-size decrease (a cancellation, not a trade) taken from ahead of the
 *     order is f(ahead) / (f(ahead) + f(behind)). 1 (the default, IdentityProbQueueModel) splits
 *     it in proportion to the sizes ahead and behind; higher assumes cancellations come mostly
 *     from the back, so the order advances more slowly (more conservative fills).
 */
public record PaperExchangeConfig(double halfSpreadBps, FeeSchedule fees, long submitLatencyUs, long cancelLatencyUs,
    double queuePower) {

  public static final double DEFAULT_HALF_SPREAD_BPS = 5;
  public static final double DEFAULT_TAKER_FEE_BPS = 10;
  public static final double DEFAULT_MAKER_FEE_BPS = 5;
  public static final long DEFAULT_SUBMIT_LATENCY_US = 0;
  public static final long DEFAULT_CANCEL_LATENCY_US = 0;
  public static final double DEFAULT_QUEUE_POWER = 1;
  /** 10 %: beyond this a number is a typo, not a cost model. */
  public static final double MAX_BPS = FeeSchedule.MAX_BPS;
  /** A minute: beyond this an order is not latent, it is lost. */
  public static final long MAX_LATENCY_US = 60_000_000L;
  public static final double MIN_QUEUE_POWER = 0.1;
  public static final double MAX_QUEUE_POWER = 10;

  public PaperExchangeConfig {
    FeeSchedule.check("halfSpreadBps", halfSpreadBps);
    if (fees == null) {
      throw new IllegalArgumentException("fees must be given");
    }
    checkLatency("submitLatencyUs", submitLatencyUs);
    checkLatency("cancelLatencyUs", cancelLatencyUs);
    if (!Double.isFinite(queuePower) || queuePower < MIN_QUEUE_POWER || queuePower > MAX_QUEUE_POWER) {
      throw new IllegalArgumentException("queuePower must be within [" + MIN_QUEUE_POWER + ", " + MAX_QUEUE_POWER
          + "], got " + queuePower);
    }
  }

  /** Flat fees, no latency, proportional queue. */
  public PaperExchangeConfig(double halfSpreadBps, double takerFeeBps, double makerFeeBps) {
    this(halfSpreadBps, FeeSchedule.flat(makerFeeBps, takerFeeBps), DEFAULT_SUBMIT_LATENCY_US,
        DEFAULT_CANCEL_LATENCY_US, DEFAULT_QUEUE_POWER);
  }

  public static PaperExchangeConfig defaults() {
    return new PaperExchangeConfig(DEFAULT_HALF_SPREAD_BPS, DEFAULT_TAKER_FEE_BPS, DEFAULT_MAKER_FEE_BPS);
  }

  /** The default taker fee (instruments without an entry in the schedule). */
  public double takerFeeBps() {
    return fees.defaults().takerBps();
  }

  /** The default maker fee (instruments without an entry in the schedule). */
  public double makerFeeBps() {
    return fees.defaults().makerBps();
  }

  public PaperExchangeConfig withLatency(long submitUs, long cancelUs) {
    return new PaperExchangeConfig(halfSpreadBps, fees, submitUs, cancelUs, queuePower);
  }

  public PaperExchangeConfig withFees(FeeSchedule schedule) {
    return new PaperExchangeConfig(halfSpreadBps, schedule, submitLatencyUs, cancelLatencyUs, queuePower);
  }

  private static void checkLatency(String name, long micros) {
    if (micros < 0 || micros > MAX_LATENCY_US) {
      throw new IllegalArgumentException(name + " must be within [0, " + MAX_LATENCY_US + "] us, got " + micros);
    }
  }
}
