package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.RequestValidator;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calls a built-in model the way the agent runtime does, so an evaluation sees what a run sees:
 * the runtime's boundary check first (a request it refuses never reaches the model), and a model
 * that throws answers FLAT instead of ending the evaluation. Both are counted, never hidden.
 */
final class AgentHarness {

  private final AgentModel model;
  private final RequestValidator validator = new RequestValidator(Set.of());
  private final Map<String, Long> refusedByReason = new TreeMap<>();
  private long calls;
  private long errors;

  AgentHarness(AgentModel model) {
    this.model = model;
  }

  /** The model's opinion on one tick, or a no-view FLAT when refused or failed. */
  AgentOpinion analyze(FeatureVector tick) {
    AnalyzeRequest request = AnalyzeRequest.newBuilder().setMeta(tick.getMeta()).setFeatures(tick).build();
    var refusal = validator.check(request);
    if (refusal.isPresent()) {
      refusedByReason.merge(refusal.get().reason(), 1L, Long::sum);
      return AgentOpinion.noView("refused: " + refusal.get().reason());
    }
    calls++;
    try {
      return model.analyze(request);
    } catch (RuntimeException e) {
      errors++;
      return AgentOpinion.noView("model failed: " + e.getMessage());
    }
  }

  String modelId() {
    return model.modelId();
  }

  /** Requests the model answered. */
  long calls() {
    return calls;
  }

  /** Calls that threw. */
  long errors() {
    return errors;
  }

  /** Requests the boundary check refused, by reason. */
  Map<String, Long> refusedByReason() {
    return Map.copyOf(refusedByReason);
  }
}
