package dev.tradingsystem.portfolio.allocation;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.util.Optional;

/**
 * Decides when capital is reallocated, and by how much risk events cut every budget. Time is
 * event time only (message event times, never the wall clock), and it never goes backwards, so a
 * replay reallocates at the same points every run.
 *
 * <ul>
 *   <li>Schedule: every {@code everyUs} of event time from the first observed time, on a fixed
 *       grid (a gap in the tape skips the missed slots instead of firing them all).</li>
 *   <li>Risk events: a WARNING or CRITICAL {@link RiskAlert}, or a {@link TradingStatus} whose
 *       state differs from the last one known, ask for an immediate reallocation. INFO alerts are
 *       ignored.</li>
 *   <li>Stress scale: while the trading state is REDUCING or HALTED, and for {@code everyUs} after
 *       a CRITICAL alert, every budget is multiplied by {@code riskEventScale}.</li>
 *   <li>No thrashing: reallocations are at least {@code minIntervalUs} apart, with one exception:
 *       a request that lowers the scale runs at once, because cutting risk must not wait. Any
 *       other request inside the interval is remembered and runs at the first event time after
 *       the interval; a scheduled slot inside it is skipped.</li>
 *   <li>Operator changes run at the next event time, whatever the interval.</li>
 * </ul>
 * Single-threaded.
 */
public final class Reallocator {

  /** A reallocation to run now: at an event time, why, and the scale to apply to every budget. */
  public record Reallocation(long atUs, String reason, double scale) {
  }

  private final long everyUs;
  private final long minIntervalUs;
  private final double riskEventScale;
  private boolean started;
  private long nowUs;
  private long nextScheduledUs;
  private long lastReallocationUs;
  private boolean reallocated;
  private long criticalUntilUs;
  private TradingState tradingState = TradingState.ACTIVE;
  private double scale = 1;
  private String pending;
  private String forced;

  /**
   * @param everyUs event time between scheduled reallocations
   * @param minIntervalUs least event time between two reallocations (cuts excepted)
   * @param riskEventScale factor in [0, 1] applied to every budget under stress
   */
  public Reallocator(long everyUs, long minIntervalUs, double riskEventScale) {
    if (everyUs <= 0 || minIntervalUs < 0 || minIntervalUs > everyUs) {
      throw new IllegalArgumentException("need 0 <= minInterval <= every and every > 0, got every "
          + everyUs + " minInterval " + minIntervalUs);
    }
    if (!(riskEventScale >= 0 && riskEventScale <= 1)) {
      throw new IllegalArgumentException("riskEventScale must be in [0, 1], got " + riskEventScale);
    }
    this.everyUs = everyUs;
    this.minIntervalUs = minIntervalUs;
    this.riskEventScale = riskEventScale;
  }

  /** Event time advanced (a market event, a portfolio state): runs a due slot or a deferred request. */
  public Optional<Reallocation> onTime(long eventTimeUs) {
    advance(eventTimeUs);
    if (forced != null) {
      return Optional.of(fire(forced));
    }
    if (pending != null && spaced()) {
      return Optional.of(fire(pending));
    }
    if (nowUs >= nextScheduledUs) {
      nextScheduledUs += ((nowUs - nextScheduledUs) / everyUs + 1) * everyUs;
      if (spaced()) {
        return Optional.of(fire("schedule"));
      }
    }
    return Optional.empty();
  }

  /** A risk alert: WARNING and CRITICAL ask for a reallocation; CRITICAL also starts the stress scale. */
  public Optional<Reallocation> onAlert(RiskAlert alert) {
    if (alert.getSeverity() != AlertSeverity.WARNING && alert.getSeverity() != AlertSeverity.CRITICAL) {
      return Optional.empty();
    }
    advance(alert.getMeta().getEventTimeUs());
    if (alert.getSeverity() == AlertSeverity.CRITICAL) {
      criticalUntilUs = Math.max(criticalUntilUs, nowUs + everyUs);
    }
    if (alert.getTradingState() != TradingState.TRADING_STATE_UNSPECIFIED) {
      tradingState = alert.getTradingState();
    }
    return request("risk-alert " + alert.getSeverity() + " " + alert.getCode());
  }

  /** A trading state change; the same state again is not a change. */
  public Optional<Reallocation> onStatus(TradingStatus status) {
    advance(status.getMeta().getEventTimeUs());
    if (status.getState() == tradingState || status.getState() == TradingState.TRADING_STATE_UNSPECIFIED) {
      return Optional.empty();
    }
    tradingState = status.getState();
    return request("trading-status " + status.getState());
  }

  /**
   * An operator's change: reallocates at the next event time seen ({@link #onTime}), whatever the
   * minimum interval, so the change lands at a market event and a replay lands it at the same one.
   */
  public void onOperator(String reason) {
    forced = reason;
  }

  /** The scale of the last reallocation. */
  public double scale() {
    return scale;
  }

  public TradingState tradingState() {
    return tradingState;
  }

  private Optional<Reallocation> request(String reason) {
    if (stressScale() < scale || spaced()) {
      return Optional.of(fire(reason));
    }
    pending = reason;
    return Optional.empty();
  }

  private void advance(long eventTimeUs) {
    if (!started) {
      started = true;
      nowUs = eventTimeUs;
      nextScheduledUs = eventTimeUs + everyUs;
      return;
    }
    nowUs = Math.max(nowUs, eventTimeUs);
  }

  private boolean spaced() {
    return !reallocated || nowUs - lastReallocationUs >= minIntervalUs;
  }

  private double stressScale() {
    boolean stressed = tradingState == TradingState.REDUCING || tradingState == TradingState.HALTED
        || nowUs < criticalUntilUs;
    return stressed ? riskEventScale : 1;
  }

  private Reallocation fire(String reason) {
    reallocated = true;
    lastReallocationUs = nowUs;
    pending = null;
    forced = null;
    scale = stressScale();
    return new Reallocation(nowUs, reason, scale);
  }
}
