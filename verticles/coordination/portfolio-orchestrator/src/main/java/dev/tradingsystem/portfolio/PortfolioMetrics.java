package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.metrics.LatencyHistogram;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The portfolio's Prometheus meters and its tick-to-order histogram for run reports:
 * {@code trading_portfolio_orders_total}, {@code trading_portfolio_fills_total},
 * {@code trading_portfolio_cancels_total}, {@code trading_portfolio_rejected_total{source,reason}},
 * {@code trading_order_tick_to_order_seconds}, and the gauges {@code trading_portfolio_equity}
 * (quote currency), {@code trading_portfolio_drawdown_ratio} and
 * {@code trading_portfolio_max_drawdown_ratio}.
 *
 * <p>Gauges read volatile copies taken after each trade, so a scrape on another thread never
 * walks the engine's state. {@link #close()} removes them, so a redeployed verticle gets its own.
 */
public final class PortfolioMetrics implements AutoCloseable {

  static final String AREA = "portfolio";

  private final Counter orders = TradingMetrics.counter("trading_portfolio_orders", "Orders accepted onto the exchange");
  private final Counter fills = TradingMetrics.counter("trading_portfolio_fills", "Executions booked");
  private final Counter cancels = TradingMetrics.counter("trading_portfolio_cancels", "Working orders cancelled");
  private final Timer tickToOrder = TradingMetrics.latency("trading_order_tick_to_order",
      "From the market event entering the system to its order being accepted");
  private final LatencyHistogram tickToOrderMicros = new LatencyHistogram();
  private final List<Gauge> gauges;
  private volatile double equity;
  private volatile double drawdown;
  private volatile double maxDrawdown;

  public PortfolioMetrics(double initialEquity) {
    this.equity = initialEquity;
    MeterRegistry registry = TradingMetrics.meters();
    gauges = List.of(
        Gauge.builder("trading_portfolio_equity", this, m -> m.equity)
            .description("Portfolio equity at the last mark, quote currency").register(registry),
        Gauge.builder("trading_portfolio_drawdown_ratio", this, m -> m.drawdown)
            .description("Current drawdown from peak equity, fraction").register(registry),
        Gauge.builder("trading_portfolio_max_drawdown_ratio", this, m -> m.maxDrawdown)
            .description("Worst drawdown from peak equity so far, fraction").register(registry));
  }

  /** Counts a refused input: {@code trading_portfolio_rejected_total{source,reason}}. */
  public void rejected(String source, String reason) {
    TradingMetrics.rejected(AREA, source, reason).increment();
  }

  public void orderAccepted(long tickToOrderMicros) {
    orders.increment();
    if (tickToOrderMicros >= 0) {
      tickToOrderMicros(tickToOrderMicros);
    }
  }

  public void fills(int count) {
    if (count > 0) {
      fills.increment(count);
    }
  }

  public void cancelled() {
    cancels.increment();
  }

  public void observe(PortfolioState state) {
    equity = state.getEquityMicros() / 1e6;
    drawdown = state.getDrawdown();
    maxDrawdown = state.getMaxDrawdown();
  }

  /** {@code {count, p50, p99, p999, max}} of tick-to-order in microseconds; read on the owner's context. */
  public LatencyHistogram tickToOrder() {
    return tickToOrderMicros;
  }

  private void tickToOrderMicros(long micros) {
    tickToOrderMicros.recordMicros(micros);
    tickToOrder.record(micros, TimeUnit.MICROSECONDS);
  }

  @Override
  public void close() {
    gauges.forEach(TradingMetrics.meters()::remove);
  }
}
