package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.risk.AlertBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A framework's view of the risk inputs, framework-agnostic: the trading state from
 * {@code risk.status}, the alerts in force from {@code risk.alerts} (per symbol, {@code ""} = every
 * symbol) and the coordinator's {@code Consensus.size_haircut}, folded into one {@link RiskStance}
 * per symbol and tick:
 * <ul>
 *   <li>HALTED: cancels only; REDUCING: reduce-only (exits continue, nothing new);</li>
 *   <li>a CRITICAL alert on the symbol (or on every symbol): reduce-only while it holds;</li>
 *   <li>a WARNING alert: no change by itself; the coordinator turns it into a haircut;</li>
 *   <li>haircut h: new exposure scaled by (1 − h); h = 1 opens nothing new.</li>
 * </ul>
 * How long alerts hold and what lifts them is {@link AlertBook}'s rule, shared with the
 * coordinator. No Vert.x; synchronized because stats are read from other threads.
 */
public final class RiskWatch {

  /** Suffix of the INFO code that lifts an alert. */
  public static final String CLEARED_SUFFIX = AlertBook.CLEARED_SUFFIX;

  private final AlertBook book;

  /** @param holdMicros event time an alert holds without a repeat or a clearing message (≥ 1) */
  public RiskWatch(long holdMicros) {
    this.book = new AlertBook(holdMicros);
  }

  /** The reject reason of a status no framework can act on, or null. */
  public static String problem(TradingStatus status) {
    return AlertBook.problem(status);
  }

  /** The reject reason of an alert no framework can act on, or null. */
  public static String problem(RiskAlert alert) {
    return AlertBook.problem(alert);
  }

  /**
   * A trading-state change from {@code risk.status} (checked with {@link #problem(TradingStatus)}).
   *
   * @return true when the state changed
   */
  public synchronized boolean onStatus(TradingStatus status) {
    return book.onStatus(status);
  }

  /**
   * An alert from {@code risk.alerts} (checked with {@link #problem(RiskAlert)}).
   *
   * @return true when it put an alert in force or lifted one
   */
  public synchronized boolean onAlert(RiskAlert alert) {
    return book.onAlert(alert);
  }

  /**
   * The stance for {@code symbol} at event time {@code nowUs} with the consensus's haircut
   * (validated by {@link ConsensusChecks}: in [0, 1]). Expired alerts are dropped.
   */
  public synchronized RiskStance stance(String symbol, long nowUs, double haircut) {
    List<String> critical = new ArrayList<>();
    for (AlertBook.HeldAlert alert : book.inForce(symbol, nowUs)) {
      if (alert.severity() == AlertSeverity.CRITICAL) {
        critical.add(alert.code());
      }
    }
    TradingState state = book.state();
    if (state == TradingState.HALTED) {
      return new RiskStance(RiskStance.Posture.CANCEL_ONLY, 0, reasonOfState());
    }
    if (state == TradingState.REDUCING) {
      return new RiskStance(RiskStance.Posture.REDUCE_ONLY, 0, reasonOfState());
    }
    if (!critical.isEmpty()) {
      return new RiskStance(RiskStance.Posture.REDUCE_ONLY, 0, "CRITICAL " + String.join(",", critical));
    }
    if (haircut > 0) {
      String why = String.format(Locale.ROOT, "haircut %.2f", haircut);
      return haircut >= 1 ? new RiskStance(RiskStance.Posture.REDUCE_ONLY, 0, why)
          : new RiskStance(RiskStance.Posture.OPEN, 1 - haircut, why);
    }
    return RiskStance.NORMAL;
  }

  /** The trading state last announced on {@code risk.status} (ACTIVE until one arrives). */
  public synchronized TradingState state() {
    return book.state();
  }

  /** The alerts in force as {@code symbol → [code:SEVERITY]} ({@code "*"} = every symbol), as of the newest tick. */
  public synchronized Map<String, List<String>> heldAlerts() {
    Map<String, List<String>> view = new TreeMap<>();
    for (AlertBook.HeldAlert alert : book.all()) {
      view.computeIfAbsent(alert.symbol().isEmpty() ? "*" : alert.symbol(), s -> new ArrayList<>())
          .add(alert.code() + ":" + alert.severity());
    }
    return view;
  }

  private String reasonOfState() {
    String reason = book.stateReason();
    return reason.isBlank() ? book.state().name() : book.state().name() + ": " + reason;
  }
}
