package dev.tradingsystem.agents.runtime;

import java.util.Optional;

/**
 * Token and cost accounting of one agent's remote backend, in fixed UTC windows (minute, day).
 * A call first {@link #reserve reserves} its worst case; the reservation is {@link #settle settled}
 * to what the provider reported or {@link #release released} when nothing was consumed. Reserving
 * the worst case before sending is what makes the budget fail closed: concurrent calls cannot
 * jointly overshoot a limit that each of them alone would respect.
 *
 * <p>Windows follow the wall clock, not event time: money is spent in real time, also during a
 * replay (whose repeated questions the response cache answers for free). Not thread-safe: used on
 * the agent's context only.
 */
public final class TokenBudget {

  private static final long MINUTE_MS = 60_000;
  private static final long DAY_MS = 86_400_000;

  private final BudgetConfig limits;
  private final long microUsdPerDay;
  private long minute = Long.MIN_VALUE;
  private long day = Long.MIN_VALUE;
  private long tokensThisMinute;
  private long tokensToday;
  private long microUsdToday;

  public TokenBudget(BudgetConfig limits) {
    this.limits = limits;
    this.microUsdPerDay = (long) Math.floor(limits.usdPerDay() * 1e6);
  }

  /**
   * Reserves {@code estimate} if every window has room for it.
   *
   * @return empty when reserved, else the window that refused: {@code minute_tokens},
   *         {@code day_tokens} or {@code day_cost}
   */
  public Optional<String> reserve(TokenUsage estimate, long nowMillis) {
    roll(nowMillis);
    long tokens = estimate.total();
    if (tokensThisMinute + tokens > limits.tokensPerMinute()) {
      return Optional.of("minute_tokens");
    }
    if (tokensToday + tokens > limits.tokensPerDay()) {
      return Optional.of("day_tokens");
    }
    long cost = limits.microUsd(estimate);
    if (microUsdToday + cost > microUsdPerDay) {
      return Optional.of("day_cost");
    }
    add(tokens, cost);
    return Optional.empty();
  }

  /** Replaces a reservation by the usage the provider reported. */
  public void settle(TokenUsage reserved, TokenUsage actual, long nowMillis) {
    roll(nowMillis);
    add(actual.total() - reserved.total(), limits.microUsd(actual) - limits.microUsd(reserved));
  }

  /** Returns a reservation whose call consumed nothing (refused before the provider saw it). */
  public void release(TokenUsage reserved, long nowMillis) {
    settle(reserved, new TokenUsage(0, 0), nowMillis);
  }

  public long tokensThisMinute() {
    return tokensThisMinute;
  }

  public long tokensToday() {
    return tokensToday;
  }

  /** Estimated spend of the current UTC day, in micro-dollars. */
  public long microUsdToday() {
    return microUsdToday;
  }

  public BudgetConfig limits() {
    return limits;
  }

  private void add(long tokens, long microUsd) {
    tokensThisMinute = Math.max(0, tokensThisMinute + tokens);
    tokensToday = Math.max(0, tokensToday + tokens);
    microUsdToday = Math.max(0, microUsdToday + microUsd);
  }

  private void roll(long nowMillis) {
    long currentMinute = Math.floorDiv(nowMillis, MINUTE_MS);
    if (currentMinute != minute) {
      minute = currentMinute;
      tokensThisMinute = 0;
    }
    long currentDay = Math.floorDiv(nowMillis, DAY_MS);
    if (currentDay != day) {
      day = currentDay;
      tokensToday = 0;
      microUsdToday = 0;
    }
  }
}
