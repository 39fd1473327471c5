package dev.tradingsystem.agents.runtime.vertex;

import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.money.Instruments;
import io.micrometer.core.instrument.Counter;

/** Requests and meter readings shared by the Vertex backend tests. */
final class VertexTesting {

  private VertexTesting() {
  }

  /** One market event for {@code symbol} at {@code price}, event time derived from {@code seq}. */
  static AnalyzeRequest request(long seq, String symbol, double price) {
    Meta meta = Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(1_385_337_600_000_000L + seq).setIngestTimeUs(42).build();
    FeatureVector features = FeatureVector.newBuilder().setMeta(meta)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol))
        .setPrice(price).setMid(price).setRsi(71.5).build();
    return AnalyzeRequest.newBuilder().setMeta(meta).setFeatures(features).build();
  }

  /** The current value of a counter by its Micrometer name (no {@code _total}), 0 when never incremented. */
  static double count(String name, String... tags) {
    Counter counter = TradingMetrics.meters().find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
