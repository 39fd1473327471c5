package dev.tradingsystem.data.live;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;

/**
 * The live feeds' counters, named {@code trading_live_<what>_total{venue}}. Rejected frames are not
 * counted here: the feeds hand them to the sink, and the collector counts each exactly once in
 * {@code trading_data_rejected_total{source,reason}}.
 */
final class LiveMetrics {

  private LiveMetrics() {
  }

  static Counter reconnects(String venue) {
    return TradingMetrics.counter("trading_live_reconnects", "Live feed reconnect attempts", "venue", venue);
  }

  static Counter gaps(String venue) {
    return TradingMetrics.counter("trading_live_gaps", "Sequence gaps that forced a book resync", "venue", venue);
  }

  static Counter stale(String venue) {
    return TradingMetrics.counter("trading_live_stale", "Symbols that went stale", "venue", venue);
  }
}
