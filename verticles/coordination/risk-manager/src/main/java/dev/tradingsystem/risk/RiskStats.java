package dev.tradingsystem.risk;

import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gate's counters: the run-report JSON and the Prometheus meters
 * {@code trading_risk_checks_total{result,code}}, {@code trading_risk_check_seconds},
 * {@code trading_risk_state_wait_timeouts_total} and {@code trading_risk_halt_cancels_total{result}}.
 * Updated from the verticle's context only.
 */
final class RiskStats {

  private final Map<RejectCode, Long> rejectedByCode = new EnumMap<>(RejectCode.class);
  private final Map<String, Counter> counters = new HashMap<>();
  private final Timer latency = TradingMetrics.latency("trading_risk_check_seconds",
      "Time from a checkOrder call to its decision, including the snapshot wait and the portfolio call");
  private long checks;
  private long approved;
  private long rejected;
  private long stateWaitTimeouts;
  private long haltCancels;
  private long haltCancelFailures;

  void decision(RejectCode code) {
    checks++;
    if (code == RejectCode.NONE) {
      approved++;
    } else {
      rejected++;
      rejectedByCode.merge(code, 1L, Long::sum);
    }
    String result = code == RejectCode.NONE ? "approved" : "rejected";
    counter("trading_risk_checks", "Pre-trade checks by result and reject code", "result", result, "code", code.name())
        .increment();
  }

  void latencyNanos(long nanos) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void stateWaitTimeout() {
    stateWaitTimeouts++;
    counter("trading_risk_state_wait_timeouts", "Checks whose portfolio snapshot did not arrive in time").increment();
  }

  void haltCancel(boolean succeeded) {
    if (succeeded) {
      haltCancels++;
    } else {
      haltCancelFailures++;
    }
    counter("trading_risk_halt_cancels", "Working orders cancelled by the kill switch, by result",
        "result", succeeded ? "cancelled" : "failed").increment();
  }

  /** {@code {checks, approved, rejected, rejectedByCode{}, tradingState, ...}}. */
  JsonObject toJson(TradingState state) {
    JsonObject byCode = new JsonObject();
    rejectedByCode.forEach((code, n) -> byCode.put(code.name(), n));
    return new JsonObject()
        .put("checks", checks)
        .put("approved", approved)
        .put("rejected", rejected)
        .put("rejectedByCode", byCode)
        .put("tradingState", state.name())
        .put("stateWaitTimeouts", stateWaitTimeouts)
        .put("haltCancels", haltCancels)
        .put("haltCancelFailures", haltCancelFailures);
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + String.join("|", tags);
    return counters.computeIfAbsent(key, k -> TradingMetrics.counter(name, description, tags));
  }
}
