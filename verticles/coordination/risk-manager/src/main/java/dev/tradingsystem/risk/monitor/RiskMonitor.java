package dev.tradingsystem.risk.monitor;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskSnapshot;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The live risk view after each portfolio state: exposure, daily P&L, drawdown and VaR as a
 * {@link RiskSnapshot}, whether it is due for publication (at most one per
 * {@code snapshotEveryUs} of event time), and the limit alerts that changed.
 */
public final class RiskMonitor {

  /** One state's outcome. */
  public record Assessment(RiskSnapshot snapshot, boolean publish, List<LimitAlert> alerts) {
  }

  private final MonitorLimits limits;
  private final DailyPnl daily = new DailyPnl();
  private final ValueAtRisk var;
  private boolean grossAlerted;
  private boolean varAlerted;
  private boolean published;
  private long lastPublishedUs;
  private RiskSnapshot latest = RiskSnapshot.getDefaultInstance();

  public RiskMonitor(MonitorLimits limits) {
    this.limits = limits;
    this.var = new ValueAtRisk(limits.varWindow(), limits.varHorizonUs(), limits.varConfidence());
  }

  /** Feeds equity by event time (daily P&L, VaR samples); call for every accepted state before {@link #assess}. */
  public void observe(PortfolioState state) {
    long at = state.getMeta().getEventTimeUs();
    daily.observe(at, state.getEquityMicros());
    var.observe(at, state.getEquityMicros());
  }

  public DailyPnl daily() {
    return daily;
  }

  /** Builds the snapshot (without meta) and the alerts that changed with this state. */
  public Assessment assess(PortfolioState state, TradingState tradingState, ToLongFunction<Position> absoluteNotional) {
    ExposureMonitor.Exposure exposure = ExposureMonitor.measure(state, absoluteNotional);
    long equity = state.getEquityMicros();
    RiskSnapshot snapshot = RiskSnapshot.newBuilder()
        .setState(tradingState)
        .addAllExposures(exposure.symbols())
        .setGrossExposureMicros(exposure.grossMicros())
        .setNetExposureMicros(exposure.netMicros())
        .setEquityMicros(equity)
        .setRealizedPnlMicros(state.getRealizedPnlMicros())
        .setUnrealizedPnlMicros(state.getUnrealizedPnlMicros())
        .setDailyPnlMicros(daily.pnlMicros())
        .setDrawdown(Double.isFinite(state.getDrawdown()) ? state.getDrawdown() : 0)
        .setVarHistoricalMicros(var.historicalMicros(equity))
        .setVarParametricMicros(var.parametricMicros(equity))
        .setVarConfidence(var.confidence())
        .build();
    latest = snapshot;
    List<LimitAlert> alerts = new ArrayList<>();
    if (limits.maxGrossExposureMicros() > 0) {
      boolean over = exposure.grossMicros() > limits.maxGrossExposureMicros();
      if (over != grossAlerted) {
        grossAlerted = over;
        alerts.add(alert(over, LimitAlert.GROSS_EXPOSURE, "gross exposure", exposure.grossMicros(), limits.maxGrossExposureMicros()));
      }
    }
    if (limits.varLimitMicros() > 0) {
      long worst = Math.max(snapshot.getVarHistoricalMicros(), snapshot.getVarParametricMicros());
      boolean over = worst > limits.varLimitMicros();
      if (over != varAlerted) {
        varAlerted = over;
        alerts.add(alert(over, LimitAlert.VAR, String.format("VaR %.1f%%", var.confidence() * 100), worst, limits.varLimitMicros()));
      }
    }
    long at = state.getMeta().getEventTimeUs();
    boolean due = !published || at - lastPublishedUs >= limits.snapshotEveryUs();
    if (due) {
      published = true;
      lastPublishedUs = at;
    }
    return new Assessment(snapshot, due, List.copyOf(alerts));
  }

  /** The last snapshot built (for the stats JSON). */
  public RiskSnapshot latest() {
    return latest;
  }

  public int varReturnsHeld() {
    return var.returnsHeld();
  }

  private static LimitAlert alert(boolean over, String code, String what, long value, long limit) {
    String numbers = String.format("%s %.2f, limit %.2f", what, FixedPoint.microsToDouble(value), FixedPoint.microsToDouble(limit));
    return over
        ? new LimitAlert(AlertSeverity.WARNING, code, numbers + ": above the limit")
        : new LimitAlert(AlertSeverity.INFO, code + LimitAlert.CLEARED_SUFFIX, numbers + ": back under the limit");
  }
}
