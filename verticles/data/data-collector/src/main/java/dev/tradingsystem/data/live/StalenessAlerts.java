package dev.tradingsystem.data.live;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.clock.WallClock;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x wiring of a {@link StalenessMonitor}: checks every quarter threshold (at most every 250 ms)
 * so an alert goes out within 250 ms after the threshold, well inside the one second the risk
 * manager is promised, and publishes {@code STALE_MARKET_DATA} (WARNING) on {@code risk.alerts};
 * {@code STALE_MARKET_DATA_CLEARED} (INFO) when the symbol delivers again.
 * Time is the monotonic clock: a wall-clock step must not fake or hide silence.
 */
final class StalenessAlerts {

  public static final String STALE_CODE = "STALE_MARKET_DATA";
  public static final String CLEARED_CODE = "STALE_MARKET_DATA_CLEARED";

  private static final Logger LOG = LoggerFactory.getLogger(StalenessAlerts.class);

  private final Vertx vertx;
  private final String venue;
  private final StalenessMonitor monitor;
  private long timer = -1;
  private long alerts;

  StalenessAlerts(Vertx vertx, String venue, long thresholdMs, List<String> symbols) {
    this.vertx = vertx;
    this.venue = venue;
    this.monitor = new StalenessMonitor(thresholdMs);
    long now = now();
    symbols.forEach(symbol -> monitor.watch(symbol, now));
  }

  void start() {
    timer = vertx.setPeriodic(Math.max(10, Math.min(250, monitor.thresholdMs() / 4)), id -> check());
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  /** Market data for the symbol arrived: clears a raised alert. */
  void onData(String symbol) {
    if (monitor.onData(symbol, now())) {
      LOG.info("{} {}: market data resumed", venue, symbol);
      publish(symbol, AlertSeverity.INFO, CLEARED_CODE, venue + " " + symbol + ": market data resumed");
    }
  }

  boolean isStale(String symbol) {
    return monitor.isStale(symbol);
  }

  private void check() {
    long now = now();
    for (String symbol : monitor.check(now)) {
      LiveMetrics.stale(venue).increment();
      String message = venue + " " + symbol + ": no market data for " + monitor.silenceMs(symbol, now)
          + " ms (threshold " + monitor.thresholdMs() + " ms)";
      LOG.warn(message);
      publish(symbol, AlertSeverity.WARNING, STALE_CODE, message);
    }
  }

  private void publish(String symbol, AlertSeverity severity, String code, String message) {
    alerts++;
    long at = WallClock.micros();
    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
        .setMeta(Meta.newBuilder().setId("stale-" + venue + "-" + alerts).setEventTimeUs(at).setIngestTimeUs(at))
        .setSeverity(severity)
        .setCode(code)
        .setMessage(message)
        .setSymbol(symbol)
        .build());
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }
}
