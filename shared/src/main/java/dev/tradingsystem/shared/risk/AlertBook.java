package dev.tradingsystem.shared.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service obeying the risk manager has to remember: the trading state from
 * {@code risk.status} and the alerts in force from {@code risk.alerts}, per symbol ({@code ""} =
 * every symbol) and code, in event time so replays decide the same.
 * <ul>
 *   <li>An alert holds for {@code holdMicros} of event time from its own event time (or, without
 *   one, from the next market event); a repeat refreshes it.</li>
 *   <li>An INFO alert with the same code, or the code plus {@link #CLEARED_SUFFIX} (the data
 *   collector's {@code STALE_MARKET_DATA_CLEARED}), lifts it on its symbol, or on every symbol
 *   when the INFO names none; a change back to ACTIVE lifts them all.</li>
 *   <li>An alert carrying a trading state is the kill switch announcing a change whose state
 *   arrives on {@code risk.status}: it is obeyed there, not held twice.</li>
 * </ul>
 * Shared by the frameworks' stance and the coordinator's haircut so both read alerts alike. Not
 * thread-safe: its owners synchronise.
 */
public final class AlertBook {

  /** Suffix of an INFO code that lifts the alert named by the rest. */
  public static final String CLEARED_SUFFIX = "_CLEARED";
  /** The symbol key of alerts that name no symbol. */
  public static final String EVERY_SYMBOL = "";
  private static final long NOT_STARTED = Long.MIN_VALUE;

  /** One alert in force; {@code untilUs} is null while it waits for its first market event. */
  public record HeldAlert(String symbol, String code, AlertSeverity severity, Long untilUs) {
  }

  private record Held(AlertSeverity severity, long untilUs) {
  }

  private final long holdMicros;
  /** symbol → code → alert in force; sorted so views read the same in every run. */
  private final Map<String, Map<String, Held>> held = new TreeMap<>();
  private TradingState state = TradingState.ACTIVE;
  private String stateReason = "";
  private long lastEventUs = NOT_STARTED;

  /** @param holdMicros event time an alert holds without a repeat or a clearing message (≥ 1) */
  public AlertBook(long holdMicros) {
    if (holdMicros < 1) {
      throw new IllegalArgumentException("an alert must hold at least 1 µs, got " + holdMicros);
    }
    this.holdMicros = holdMicros;
  }

  /** The reject reason of a status nobody can act on, or null. */
  public static String problem(TradingStatus status) {
    return status.getState() == TradingState.TRADING_STATE_UNSPECIFIED || status.getState() == TradingState.UNRECOGNIZED
        ? "invalid-trading-status" : null;
  }

  /** The reject reason of an alert nobody can act on, or null. */
  public static String problem(RiskAlert alert) {
    return alert.getSeverity() == AlertSeverity.UNRECOGNIZED || alert.getTradingState() == TradingState.UNRECOGNIZED
        ? "invalid-risk-alert" : null;
  }

  /** A status (checked with {@link #problem(TradingStatus)}); true when the state changed. */
  public boolean onStatus(TradingStatus status) {
    TradingState next = status.getState();
    if (next == state) {
      return false;
    }
    if (next == TradingState.ACTIVE) {
      // The gate (or an operator) declared the desk healthy again: what was held is history.
      held.clear();
    }
    state = next;
    stateReason = status.getReason();
    return true;
  }

  /** An alert (checked with {@link #problem(RiskAlert)}); true when it put an alert in force or lifted one. */
  public boolean onAlert(RiskAlert alert) {
    if (alert.getTradingState() != TradingState.TRADING_STATE_UNSPECIFIED || alert.getCode().isBlank()) {
      return false;
    }
    String symbol = alert.getSymbol().isBlank() ? EVERY_SYMBOL : alert.getSymbol();
    String code = alert.getCode();
    if (alert.getSeverity() == AlertSeverity.INFO) {
      String lifted = code.endsWith(CLEARED_SUFFIX) ? code.substring(0, code.length() - CLEARED_SUFFIX.length()) : code;
      boolean changed = false;
      for (Map.Entry<String, Map<String, Held>> entry : held.entrySet()) {
        if (symbol.equals(EVERY_SYMBOL) || entry.getKey().equals(symbol)) {
          changed |= entry.getValue().remove(lifted) != null;
        }
      }
      return changed;
    }
    long start = alert.getMeta().getEventTimeUs() > 0 ? alert.getMeta().getEventTimeUs() : lastEventUs;
    long until = start == NOT_STARTED ? NOT_STARTED : start + holdMicros;
    held.computeIfAbsent(symbol, s -> new TreeMap<>()).merge(code, new Held(alert.getSeverity(), until),
        (old, fresh) -> fresh.untilUs() == NOT_STARTED || old.untilUs() == NOT_STARTED
            || fresh.untilUs() >= old.untilUs() ? fresh : new Held(fresh.severity(), old.untilUs()));
    return true;
  }

  /**
   * The alerts in force on {@code symbol} (its own and those on every symbol) at event time
   * {@code eventTimeUs}; time only moves forward, and 0 or less means the newest time seen.
   * Alerts waiting for a first market event start now; expired ones are dropped.
   */
  public List<HeldAlert> inForce(String symbol, long eventTimeUs) {
    if (eventTimeUs > 0) {
      lastEventUs = Math.max(lastEventUs, eventTimeUs);
    }
    long now = lastEventUs;
    List<HeldAlert> alerts = new ArrayList<>();
    for (String key : new String[] {EVERY_SYMBOL, symbol}) {
      Map<String, Held> codes = held.get(key);
      if (codes == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, Held>> it = codes.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Held> entry = it.next();
        Held alert = entry.getValue();
        if (alert.untilUs() == NOT_STARTED && now != NOT_STARTED) {
          alert = new Held(alert.severity(), now + holdMicros);
          entry.setValue(alert);
        }
        if (now != NOT_STARTED && alert.untilUs() <= now) {
          it.remove();
        } else {
          alerts.add(view(key, entry.getKey(), alert));
        }
      }
    }
    return alerts;
  }

  /** Every alert in force as of the newest event time seen, by symbol then code. */
  public List<HeldAlert> all() {
    List<HeldAlert> alerts = new ArrayList<>();
    held.forEach((symbol, codes) -> codes.forEach((code, alert) -> {
      if (alert.untilUs() == NOT_STARTED || alert.untilUs() > lastEventUs) {
        alerts.add(view(symbol, code, alert));
      }
    }));
    return alerts;
  }

  /** The trading state last announced (ACTIVE until one arrives). */
  public TradingState state() {
    return state;
  }

  /** The reason given with the last state change, or "". */
  public String stateReason() {
    return stateReason;
  }

  private static HeldAlert view(String symbol, String code, Held alert) {
    return new HeldAlert(symbol, code, alert.severity(), alert.untilUs() == NOT_STARTED ? null : alert.untilUs());
  }
}
