package dev.tradingsystem.risk;

import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskSnapshot;
import dev.tradingsystem.proto.SymbolExposure;
import dev.tradingsystem.risk.killswitch.KillSwitch;
import dev.tradingsystem.shared.money.FixedPoint;
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
 * {@code trading_risk_state_wait_timeouts_total}, {@code trading_risk_halt_cancels_total{result}},
 * {@code trading_risk_flatten_orders_total{result}} and {@code trading_risk_snapshots_total}; refused
 * kill-switch commands count on {@code trading_risk_rejected_total{source="kill-switch",reason}}.
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
  private long flattenOrders;
  private long flattenFailures;
  private long killSwitchRefused;
  private long snapshots;

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

  void flatten(boolean placed) {
    if (placed) {
      flattenOrders++;
    } else {
      flattenFailures++;
    }
    counter("trading_risk_flatten_orders", "Reduce-only market orders the kill switch sent to close positions, by result",
        "result", placed ? "placed" : "failed").increment();
  }

  void killSwitchRefused(String reason) {
    killSwitchRefused++;
    TradingMetrics.rejected("risk", "kill-switch", reason).increment();
  }

  void snapshotPublished() {
    snapshots++;
    counter("trading_risk_snapshots", "Risk snapshots published on risk.snapshot").increment();
  }

  /**
   * {@code {checks, approved, rejected, rejectedByCode{}, tradingState, trigger, latched, ...,
   * risk{grossExposure, netExposure, equity, dailyPnl, drawdown, varHistorical, varParametric,
   * varConfidence, exposures{symbol: {netQuantity, grossNotional, netNotional}}}}}, money in quote currency.
   */
  JsonObject toJson(KillSwitch killSwitch, RiskSnapshot snapshot, int varReturns) {
    JsonObject byCode = new JsonObject();
    rejectedByCode.forEach((code, n) -> byCode.put(code.name(), n));
    return new JsonObject()
        .put("checks", checks)
        .put("approved", approved)
        .put("rejected", rejected)
        .put("rejectedByCode", byCode)
        .put("tradingState", killSwitch.state().name())
        .put("trigger", killSwitch.trigger().name())
        .put("latched", killSwitch.latched())
        .put("stateWaitTimeouts", stateWaitTimeouts)
        .put("haltCancels", haltCancels)
        .put("haltCancelFailures", haltCancelFailures)
        .put("flattenOrders", flattenOrders)
        .put("flattenFailures", flattenFailures)
        .put("killSwitchRefused", killSwitchRefused)
        .put("snapshots", snapshots)
        .put("risk", risk(snapshot, varReturns));
  }

  private static JsonObject risk(RiskSnapshot snapshot, int varReturns) {
    JsonObject exposures = new JsonObject();
    for (SymbolExposure exposure : snapshot.getExposuresList()) {
      exposures.put(exposure.getInstrument().getSymbol(), new JsonObject()
          .put("netQuantity", FixedPoint.toDouble(exposure.getNetQuantity(), exposure.getInstrument().getSizeScale()))
          .put("grossNotional", FixedPoint.microsToDouble(exposure.getGrossNotionalMicros()))
          .put("netNotional", FixedPoint.microsToDouble(exposure.getNetNotionalMicros())));
    }
    return new JsonObject()
        .put("grossExposure", FixedPoint.microsToDouble(snapshot.getGrossExposureMicros()))
        .put("netExposure", FixedPoint.microsToDouble(snapshot.getNetExposureMicros()))
        .put("equity", FixedPoint.microsToDouble(snapshot.getEquityMicros()))
        .put("dailyPnl", FixedPoint.microsToDouble(snapshot.getDailyPnlMicros()))
        .put("drawdown", snapshot.getDrawdown())
        .put("varHistorical", FixedPoint.microsToDouble(snapshot.getVarHistoricalMicros()))
        .put("varParametric", FixedPoint.microsToDouble(snapshot.getVarParametricMicros()))
        .put("varConfidence", snapshot.getVarConfidence())
        .put("varReturns", varReturns)
        .put("exposures", exposures);
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + String.join("|", tags);
    return counters.computeIfAbsent(key, k -> TradingMetrics.counter(name, description, tags));
  }
}
