package dev.tradingsystem.coordinator.mcp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.MissingAgent;
import dev.tradingsystem.proto.Quantile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * How the coordinator's tools show trading messages: camelCase JSON a language model reads
 * easily, event times both as microseconds and ISO-8601, non-finite numbers as null (JSON has no
 * NaN). Whole messages (a feature vector) go through protobuf's canonical JSON mapping.
 */
final class TradingJson {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer()
      .omittingInsignificantWhitespace()
      .alwaysPrintFieldsWithNoPresence();

  private TradingJson() {
  }

  /** A whole message in protobuf's canonical JSON mapping, zero values included (int64 as strings). */
  static JsonObject proto(MessageOrBuilder message) {
    try {
      return new JsonObject(PRINTER.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** A number JSON can carry: null for NaN and infinities. */
  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** UTC ISO-8601 of a microsecond timestamp; null for 0 (unknown). */
  static String time(long epochMicros) {
    return epochMicros == 0 ? null
        : Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L)
            .toString();
  }

  /** The market event a message derives from: seq, trace and event time. */
  static JsonObject event(Meta meta) {
    return new JsonObject()
        .put("seq", meta.getSeq())
        .put("traceId", meta.getTraceId())
        .put("eventTimeUs", meta.getEventTimeUs())
        .put("eventTime", time(meta.getEventTimeUs()));
  }

  static JsonArray quantiles(Iterable<Quantile> quantiles) {
    JsonArray all = new JsonArray();
    for (Quantile q : quantiles) {
      all.add(new JsonObject().put("level", finite(q.getLevel())).put("logReturn", finite(q.getValue())));
    }
    return all;
  }

  /** One agent signal as an agent said it. */
  static JsonObject signal(AgentSignal signal) {
    JsonObject json = new JsonObject()
        .put("agent", signal.getAgent())
        .put("modelId", signal.getModelId())
        .put("direction", signal.getDirection().name())
        .put("strength", finite(signal.getStrength()))
        .put("confidence", finite(signal.getConfidence()))
        .put("horizonSec", signal.getHorizonSec())
        .put("quantiles", quantiles(signal.getQuantilesList()))
        .put("degraded", signal.getDegraded());
    if (signal.getDegraded()) {
      json.put("degradedReason", signal.getDegradedReason());
    }
    return json
        .put("rationale", signal.getRationale())
        .put("event", event(signal.getMeta()));
  }

  static JsonObject missing(MissingAgent missing) {
    return new JsonObject().put("agent", missing.getAgent()).put("reason", missing.getReason())
        .put("detail", missing.getDetail());
  }

  /** A published consensus: the decision, the signals with the weights they were fused with, who was missing and why. */
  static JsonObject consensus(Consensus consensus) {
    JsonArray signals = new JsonArray();
    for (int i = 0; i < consensus.getSignalsCount(); i++) {
      JsonObject signal = signal(consensus.getSignals(i));
      if (i < consensus.getSignalWeightsCount()) {
        signal.put("fusedWeight", finite(consensus.getSignalWeights(i)));
      }
      signals.add(signal);
    }
    JsonArray missing = new JsonArray();
    consensus.getMissingList().forEach(m -> missing.add(missing(m)));
    double variance = consensus.getEdgeVariance();
    FeatureVector features = consensus.getFeatures();
    return new JsonObject()
        .put("symbol", consensus.getSymbol())
        .put("direction", consensus.getDirection().name())
        .put("score", finite(consensus.getScore()))
        .put("confidence", finite(consensus.getConfidence()))
        .put("expectedEdgeBps", finite(consensus.getExpectedEdgeBps()))
        .put("edgeVarianceBps2", finite(variance))
        .put("edgeSigmaBps", variance >= 0 ? finite(Math.sqrt(variance)) : null)
        .put("quorum", consensus.getQuorum())
        .put("degraded", consensus.getDegraded())
        .put("signals", signals)
        .put("missing", missing)
        .put("price", finite(features.getPrice()))
        .put("event", event(consensus.getMeta()));
  }
}
