package dev.tradingsystem.agents.runtime.vertex;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;

/**
 * A test agent whose built-in model answers LONG 0.8 at a price of 200 or more, so a fallback is
 * told apart from the remote model; its service name keeps its metrics apart from other tests'.
 */
final class VertexTestAgent extends AgentVerticle {

  static final String BUILTIN = "vertex-test-builtin-v1";

  private final VertexDefaults defaults;

  VertexTestAgent(String serviceName, VertexDefaults defaults) {
    super(serviceName);
    this.defaults = defaults;
  }

  @Override
  protected VertexDefaults vertexDefaults() {
    return defaults;
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new AgentModel() {
      @Override
      public String modelId() {
        return BUILTIN;
      }

      @Override
      public AgentOpinion analyze(AnalyzeRequest request) {
        if (request.getFeatures().getPrice() >= 200) {
          return new AgentOpinion(Direction.LONG, 0.8, 0.6, 30, List.of(), "price high");
        }
        return AgentOpinion.flat(0.4, 30, "price unremarkable");
      }
    };
  }
}
