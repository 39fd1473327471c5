package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.trade.ErrorBudget;
import dev.tradingsystem.frameworks.freqtrade.trade.TradeManager;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.PairLock;
import dev.tradingsystem.frameworks.runtime.RiskStance;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy instance of the service with its fault containment: an exception of the strategy
 * is caught here, counted ({@code errors}, {@code trading_framework_errors_total{strategy}}), and
 * the row is decided again without the strategy, so its open trades still get their stoploss and
 * ROI exits. Once the {@link ErrorBudget} is spent the strategy is paused (no entries, no
 * callbacks, built-in exits only) and reported ({@code paused}, {@code pausedReason},
 * {@code trading_framework_strategy_paused{strategy}} = 1) until resumed or restarted; the other
 * strategies never notice. An operator can pause and resume it the same way
 * ({@code strategies.control}). Runs on the verticle's context; its report fields are safe to read
 * from any thread.
 */
final class StrategyBot {

  private static final Logger LOG = LoggerFactory.getLogger(StrategyBot.class);
  /** One gauge per strategy id per process, however often the service is redeployed. */
  private static final Map<String, AtomicInteger> PAUSED_GAUGES = new ConcurrentHashMap<>();

  private final StrategySpec spec;
  private final TradeManager manager;
  private final int maxErrors;
  private final int errorWindow;
  private ErrorBudget budget;
  private final LongAdder decisions = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final Counter errorMeter;
  private final AtomicInteger pausedGauge;
  private volatile boolean paused;
  private volatile String pausedReason = "";
  private volatile List<PairLock> locks = List.of();
  private volatile int openTrades;

  StrategyBot(StrategySpec spec, int maxErrors, int errorWindow) {
    this.spec = spec;
    this.manager = spec.newManager();
    this.maxErrors = maxErrors;
    this.errorWindow = errorWindow;
    this.budget = new ErrorBudget(maxErrors, errorWindow);
    this.errorMeter = TradingMetrics.counter("trading_framework_errors",
        "Strategy exceptions; the tick ended without intents", "strategy", spec.id());
    this.pausedGauge = PAUSED_GAUGES.computeIfAbsent(spec.id(), id -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder("trading_framework_strategy_paused", value, AtomicInteger::get)
          .description("1 while a strategy is paused after repeated exceptions").tag("strategy", id)
          .register(TradingMetrics.registry());
      return value;
    });
    pausedGauge.set(0);
  }

  /** The intents of this strategy for one row under the tick's risk stance; never throws. */
  List<OrderIntent> decide(StrategyInput input, PortfolioState state, long nowMicros, RiskStance risk) {
    decisions.increment();
    try {
      manager.observe(state, nowMicros);
      if (paused) {
        return manager.decide(input, state, nowMicros, false, risk);
      }
      try {
        List<OrderIntent> intents = manager.decide(input, state, nowMicros, true, risk);
        budget.success();
        return intents;
      } catch (RuntimeException e) {
        failed(e, input);
        return manager.decide(input, state, nowMicros, false, risk);
      }
    } catch (RuntimeException e) {
      // The framework's own code failed: nothing is sent for this row, the next row tries again.
      errors.increment();
      errorMeter.increment();
      LOG.error("{} could not decide on seq {}: {}", spec.id(), input.consensus().getMeta().getSeq(), e.toString(), e);
      return List.of();
    } finally {
      locks = manager.protections().active(nowMicros);
      openTrades = manager.ledger().openTrades();
    }
  }

  private void failed(RuntimeException e, StrategyInput input) {
    errors.increment();
    errorMeter.increment();
    long seq = input.consensus().getMeta().getSeq();
    if (errors.sum() == 1) {
      LOG.error("{} threw on seq {} ({}); its trades keep their built-in exits", spec.id(), seq, input.symbol(), e);
    } else {
      LOG.warn("{} threw on seq {} ({}): {}", spec.id(), seq, input.symbol(), e.toString());
    }
    if (budget.error()) {
      pause(budget.errorsInWindow() + " exceptions within its latest decisions, last: " + e);
    }
  }

  /** Stops entries and callbacks; open trades keep their built-in exits. */
  void pause(String reason) {
    paused = true;
    pausedReason = reason;
    pausedGauge.set(1);
    LOG.error("{} paused: {}; open trades stay under stoploss and ROI, no new entries", spec.id(), reason);
  }

  /** Lets the strategy trade again with a fresh error budget (an operator's RESUME). */
  void resume(String reason) {
    budget = new ErrorBudget(maxErrors, errorWindow);
    paused = false;
    pausedReason = "";
    pausedGauge.set(0);
    LOG.info("{} resumed: {}", spec.id(), reason);
  }

  StrategySpec spec() {
    return spec;
  }

  TradeManager manager() {
    return manager;
  }

  long decisions() {
    return decisions.sum();
  }

  long errors() {
    return errors.sum();
  }

  boolean paused() {
    return paused;
  }

  String pausedReason() {
    return pausedReason;
  }

  List<PairLock> locks() {
    return locks;
  }

  int openTrades() {
    return openTrades;
  }
}
