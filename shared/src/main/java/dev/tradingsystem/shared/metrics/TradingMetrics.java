package dev.tradingsystem.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * One Prometheus registry per process, shared by Vert.x's own metrics and ours. Names follow
 * {@code trading_<area>_<what>_<unit>}; counters get {@code _total} from the Prometheus naming.
 */
public final class TradingMetrics {

  private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private TradingMetrics() {
  }

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /** Prometheus text exposition of everything registered in this process. */
  public static String scrape() {
    return REGISTRY.scrape();
  }

  /** {@code trading_<area>_rejected_total{source,reason}}: bad input refused at a boundary. */
  public static Counter rejected(String area, String source, String reason) {
    return Counter.builder("trading_" + area + "_rejected")
        .description("Inputs rejected at the " + area + " boundary, by reason")
        .tag("source", source).tag("reason", reason)
        .register(REGISTRY);
  }

  public static Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(REGISTRY);
  }

  /** A latency histogram with percentiles and Prometheus buckets from 1 µs to 10 s. */
  public static Timer latency(String name, String description, String... tags) {
    return Timer.builder(name).description(description).tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(1_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(REGISTRY);
  }

  public static MeterRegistry meters() {
    return REGISTRY;
  }
}
