package dev.tradingsystem.coordinator.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.risk.AlertBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's answer to {@code risk.alerts} and {@code risk.status}: the
 * {@code size_haircut} of every consensus it publishes, per symbol, in event time.
 * <ul>
 *   <li>HALTED or REDUCING on {@code risk.status}: 1 (nothing new opens; exits still run);</li>
 *   <li>a CRITICAL alert on the symbol (or on every symbol, {@code symbol = ""}): 1;</li>
 *   <li>a WARNING alert: {@link Settings#warningHaircut()} (halves new exposure by default);</li>
 *   <li>otherwise 0; several alerts: the largest haircut wins.</li>
 * </ul>
 * Alerts hold for {@link Settings#holdMicros()} of event time and are lifted by {@link AlertBook}'s
 * rule, shared with the frameworks, so a replay gives every consensus the same haircut.
 * Synchronized: the MCP tools and the stats read it from other threads.
 */
public final class RiskDamper {

  /** Suffix of an INFO code that lifts the alert named by the rest. */
  public static final String CLEARED_SUFFIX = AlertBook.CLEARED_SUFFIX;

  /**
   * @param warningHaircut haircut while a WARNING holds, in [0, 1]
   * @param holdMicros     event time an alert holds without a repeat or a recovery message (≥ 1)
   */
  public record Settings(double warningHaircut, long holdMicros) {

    public Settings {
      if (!(warningHaircut >= 0 && warningHaircut <= 1) || holdMicros < 1) {
        throw new IllegalArgumentException("warning haircut must be in [0, 1] and hold ≥ 1 µs, got "
            + warningHaircut + ", " + holdMicros);
      }
    }
  }

  /** One alert in force: where, what, how bad, until when (event time, µs; null before the first market event). */
  public record HeldAlert(String symbol, String code, AlertSeverity severity, Long untilUs) {
  }

  /** What {@code get_risk_state} and the stats show. */
  public record View(TradingState tradingState, double warningHaircut, long holdMicros, List<HeldAlert> held,
      Map<String, Double> lastHaircut, long dampedDecisions, long blockedDecisions) {
  }

  private final Settings settings;
  private final AlertBook book;
  private final Map<String, Double> lastHaircut = new TreeMap<>();
  private long damped;
  private long blocked;

  public RiskDamper(Settings settings) {
    this.settings = settings;
    this.book = new AlertBook(settings.holdMicros());
  }

  /** The reject reason of a status the damper cannot act on, or null. */
  public static String problem(TradingStatus status) {
    return AlertBook.problem(status);
  }

  /** The reject reason of an alert the damper cannot act on, or null. */
  public static String problem(RiskAlert alert) {
    return AlertBook.problem(alert);
  }

  /** A status from {@code risk.status} (checked with {@link #problem(TradingStatus)}); true when the state changed. */
  public synchronized boolean onStatus(TradingStatus status) {
    return book.onStatus(status);
  }

  /** An alert from {@code risk.alerts} (checked with {@link #problem(RiskAlert)}); true when it changed what is held. */
  public synchronized boolean onAlert(RiskAlert alert) {
    return book.onAlert(alert);
  }

  /**
   * The haircut of a consensus on {@code symbol} decided at event time {@code eventTimeUs} (0 or
   * less: no usable time, judged at the newest time seen); expired alerts are dropped. Counts the
   * damped and blocked decisions.
   */
  public synchronized double haircut(String symbol, long eventTimeUs) {
    TradingState state = book.state();
    double haircut = state == TradingState.HALTED || state == TradingState.REDUCING ? 1.0 : 0.0;
    for (AlertBook.HeldAlert alert : book.inForce(symbol, eventTimeUs)) {
      haircut = Math.max(haircut, alert.severity() == AlertSeverity.CRITICAL ? 1.0 : settings.warningHaircut());
    }
    if (haircut > 0) {
      damped++;
      blocked += haircut >= 1 ? 1 : 0;
    }
    lastHaircut.put(symbol, haircut);
    return haircut;
  }

  /** The state, the alerts in force as of the newest market event, and the counters. */
  public synchronized View view() {
    List<HeldAlert> alerts = new ArrayList<>();
    for (AlertBook.HeldAlert alert : book.all()) {
      alerts.add(new HeldAlert(alert.symbol(), alert.code(), alert.severity(), alert.untilUs()));
    }
    return new View(book.state(), settings.warningHaircut(), settings.holdMicros(), List.copyOf(alerts),
        new LinkedHashMap<>(lastHaircut), damped, blocked);
  }
}
