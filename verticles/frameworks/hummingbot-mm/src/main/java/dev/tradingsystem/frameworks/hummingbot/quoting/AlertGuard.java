package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the market maker does about {@code risk.alerts}, per symbol ("" = every symbol):
 * <ul>
 *   <li>CRITICAL: stop quoting the symbol (cancel everything resting) while the alert holds;</li>
 *   <li>WARNING: widen every spread by {@code widenFactor} while the alert holds;</li>
 *   <li>INFO with a code {@code X_CLEARED}: lifts alert {@code X} on that symbol (the data
 *       collector's {@code STALE_MARKET_DATA} / {@code STALE_MARKET_DATA_CLEARED});</li>
 *   <li>an alert carrying a trading state is a kill-switch change: the state itself arrives on
 *       {@code risk.status} and is obeyed there, so it is not held twice here.</li>
 * </ul>
 * An alert holds for {@code holdMicros} of event time after it arrived (a cleared message that
 * never comes must not stop quoting forever); a repeat refreshes it. Not thread-safe: one owner.
 */
public final class AlertGuard {

  /** Arrival time of an alert that came before any market event: its hold starts at the next one. */
  public static final long BEFORE_ANY_EVENT = Long.MIN_VALUE;
  /** Suffix of the code that lifts an alert. */
  public static final String CLEARED_SUFFIX = "_CLEARED";
  private static final String EVERY_SYMBOL = "";

  private record Held(AlertSeverity severity, long untilUs) {
  }

  private final double widenFactor;
  private final long holdMicros;
  /** symbol → code → alert in force; sorted so reasons read the same in every run. */
  private final Map<String, Map<String, Held>> held = new TreeMap<>();

  /**
   * @param widenFactor how much a WARNING widens spreads (≥ 1)
   * @param holdMicros  how long an alert holds without a repeat or a clearing message
   */
  public AlertGuard(double widenFactor, long holdMicros) {
    if (!(widenFactor >= 1) || !Double.isFinite(widenFactor) || holdMicros < 1) {
      throw new IllegalArgumentException("widen factor must be ≥ 1 and hold ≥ 1 µs, got "
          + widenFactor + ", " + holdMicros);
    }
    this.widenFactor = widenFactor;
    this.holdMicros = holdMicros;
  }

  /**
   * Takes an alert that arrived at event time {@code nowUs} ({@link #BEFORE_ANY_EVENT} if no market
   * event was seen yet).
   *
   * @return true when it changed how some symbol is quoted
   */
  public boolean onAlert(RiskAlert alert, long nowUs) {
    if (alert.getTradingState() != TradingState.TRADING_STATE_UNSPECIFIED || alert.getCode().isBlank()) {
      return false;
    }
    String symbol = alert.getSymbol().isBlank() ? EVERY_SYMBOL : alert.getSymbol();
    String code = alert.getCode();
    if (alert.getSeverity() == AlertSeverity.INFO) {
      if (!code.endsWith(CLEARED_SUFFIX)) {
        return false;
      }
      Map<String, Held> codes = held.get(symbol);
      return codes != null && codes.remove(code.substring(0, code.length() - CLEARED_SUFFIX.length())) != null;
    }
    if (alert.getSeverity() != AlertSeverity.WARNING && alert.getSeverity() != AlertSeverity.CRITICAL) {
      return false;
    }
    long until = nowUs == BEFORE_ANY_EVENT ? BEFORE_ANY_EVENT : nowUs + holdMicros;
    held.computeIfAbsent(symbol, s -> new TreeMap<>()).put(code, new Held(alert.getSeverity(), until));
    return true;
  }

  /** The stance for {@code symbol} at event time {@code nowUs}; expired alerts are dropped. */
  public MarketStance stance(String symbol, long nowUs) {
    boolean pull = false;
    boolean widen = false;
    TreeSet<String> reasons = new TreeSet<>();
    for (String key : new String[] {EVERY_SYMBOL, symbol}) {
      Map<String, Held> codes = held.get(key);
      if (codes == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, Held>> it = codes.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Held> entry = it.next();
        if (entry.getValue().untilUs() == BEFORE_ANY_EVENT) {
          entry.setValue(new Held(entry.getValue().severity(), nowUs + holdMicros));
        }
        if (entry.getValue().untilUs() <= nowUs) {
          it.remove();
          continue;
        }
        pull |= entry.getValue().severity() == AlertSeverity.CRITICAL;
        widen |= entry.getValue().severity() == AlertSeverity.WARNING;
        reasons.add(entry.getKey());
      }
    }
    if (!pull && !widen) {
      return MarketStance.NORMAL;
    }
    return new MarketStance(pull, widen && !pull ? widenFactor : 1.0, String.join(",", reasons));
  }
}
