package dev.tradingsystem.shared.metrics;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/**
 * Exact-percentile latency recording in microseconds (HdrHistogram, 3 significant digits), for
 * run reports. Values beyond the range are clamped rather than lost. Not thread-safe: one owner.
 */
public final class LatencyHistogram {

  private static final long MAX_MICROS = 3_600_000_000L;

  private final Histogram histogram = new Histogram(MAX_MICROS, 3);

  public void recordMicros(long micros) {
    histogram.recordValue(Math.max(0, Math.min(MAX_MICROS, micros)));
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public long percentile(double p) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(p);
  }

  /** {@code {count, p50, p99, p999, max}} in microseconds. */
  public JsonObject summary() {
    return new JsonObject()
        .put("count", count())
        .put("p50", percentile(50))
        .put("p99", percentile(99))
        .put("p999", percentile(99.9))
        .put("max", histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue());
  }
}
