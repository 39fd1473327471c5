package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The framework's counters: the run-report JSON {@code {ticks, intents, approved, rejected,
 * rejectedByCode{}, errors, ...}} and the Prometheus series
 * {@code trading_framework_intents_total{strategy,result}} and
 * {@code trading_framework_errors_total{strategy}}. Updated on the verticle's context, read from
 * any thread (status page), hence the adders.
 */
public final class FrameworkStats {

  private final LongAdder ticks = new LongAdder();
  private final LongAdder intents = new LongAdder();
  private final LongAdder approved = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder portfolioTimeouts = new LongAdder();
  private final LongAdder invalidInputs = new LongAdder();
  private final Map<String, LongAdder> rejectedByCode = new ConcurrentSkipListMap<>();
  private final Counter approvedMeter;
  private final Counter rejectedMeter;
  private final Counter failedMeter;
  private final Counter errorMeter;

  /** Registers the strategy's meters (tagged {@code strategy=<strategyId>}). */
  public FrameworkStats(String strategyId) {
    approvedMeter = intentsMeter(strategyId, "approved");
    rejectedMeter = intentsMeter(strategyId, "rejected");
    failedMeter = intentsMeter(strategyId, "failed");
    errorMeter = TradingMetrics.counter("trading_framework_errors",
        "Strategy exceptions; the tick ended without intents", "strategy", strategyId);
  }

  private static Counter intentsMeter(String strategyId, String result) {
    return TradingMetrics.counter("trading_framework_intents",
        "Intents sent to the risk gate, by outcome", "strategy", strategyId, "result", result);
  }

  /** A consensus arrived and was queued as a tick. */
  public void tick() {
    ticks.increment();
  }

  /** An intent was sent to the risk gate. */
  public void sent() {
    intents.increment();
  }

  /** The risk gate answered an intent: approved, or rejected with its code. */
  public void decided(RiskDecision decision) {
    if (decision.getApproved()) {
      approved.increment();
      approvedMeter.increment();
    } else {
      rejected.increment();
      rejectedMeter.increment();
      rejectedByCode.computeIfAbsent(decision.getCode().name(), code -> new LongAdder()).increment();
    }
  }

  /** An intent got no answer (error or deadline). */
  public void failed() {
    failed.increment();
    failedMeter.increment();
  }

  /** The strategy, or the tick handling around it, threw; the tick ended without intents. */
  public void error() {
    errors.increment();
    errorMeter.increment();
  }

  /** A tick gave up waiting for the portfolio snapshot of its sequence. */
  public void portfolioTimeout() {
    portfolioTimeouts.increment();
  }

  /** A message was rejected at the boundary and dead-lettered. */
  public void invalidInput() {
    invalidInputs.increment();
  }

  /** Strategy errors so far. */
  public long errors() {
    return errors.sum();
  }

  /** The run-report JSON; frameworks may add their own keys to the copy. */
  public JsonObject toJson() {
    JsonObject byCode = new JsonObject();
    rejectedByCode.forEach((code, count) -> byCode.put(code, count.sum()));
    return new JsonObject()
        .put("ticks", ticks.sum())
        .put("intents", intents.sum())
        .put("approved", approved.sum())
        .put("rejected", rejected.sum())
        .put("rejectedByCode", byCode)
        .put("errors", errors.sum())
        .put("failed", failed.sum())
        .put("portfolioTimeouts", portfolioTimeouts.sum())
        .put("invalidInputs", invalidInputs.sum());
  }
}
