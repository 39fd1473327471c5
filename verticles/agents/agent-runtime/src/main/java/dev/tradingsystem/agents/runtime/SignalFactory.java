package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.msg.Metas;

/**
 * Wraps opinions into {@link AgentSignal}s. The signal's meta is derived from the request's
 * (trace, seq, event time and ingest stamp are kept) and its id is a function of the request id,
 * so a replay of the same data yields the same signal ids.
 */
public final class SignalFactory {

  private final String agent;

  /** @param agent the short agent name: {@code deepseek} */
  public SignalFactory(String agent) {
    this.agent = agent;
  }

  /** A signal carrying the model's opinion. */
  public AgentSignal signal(AnalyzeRequest request, String modelId, AgentOpinion opinion) {
    return AgentSignal.newBuilder()
        .setMeta(meta(request))
        .setAgent(agent)
        .setModelId(modelId)
        .setSymbol(request.getFeatures().getInstrument().getSymbol())
        .setDirection(opinion.direction())
        .setStrength(opinion.strength())
        .setConfidence(opinion.confidence())
        .setHorizonSec(opinion.horizonSec())
        .addAllQuantiles(opinion.quantiles())
        .setRationale(opinion.rationale())
        .build();
  }

  /**
   * A signal of the fallback model, given because the first-choice backend failed for
   * {@code reason}: it carries the fallback's view, flagged so consensus can discount it.
   */
  public AgentSignal fallback(AnalyzeRequest request, String modelId, AgentOpinion opinion, String reason) {
    return AgentSignal.newBuilder(signal(request, modelId, opinion))
        .setDegraded(true)
        .setDegradedReason(reason)
        .build();
  }

  /** The FLAT answer given when the backend failed: no view, flagged so consensus can discount it. */
  public AgentSignal degraded(AnalyzeRequest request, String modelId, String reason) {
    return AgentSignal.newBuilder(signal(request, modelId, AgentOpinion.noView("no view: " + reason)))
        .setDegraded(true)
        .setDegradedReason(reason)
        .build();
  }

  /** The request's own meta when it has an id, otherwise that of the features it carries. */
  public static Meta cause(AnalyzeRequest request) {
    if (request.hasMeta() && !request.getMeta().getId().isEmpty()) {
      return request.getMeta();
    }
    return request.getFeatures().getMeta();
  }

  private Meta meta(AnalyzeRequest request) {
    Meta cause = cause(request);
    String causeId = cause.getId().isEmpty() ? "seq" + cause.getSeq() : cause.getId();
    return Metas.derive(cause, "sig-" + agent + "-" + causeId);
  }
}
