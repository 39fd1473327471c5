package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.consensus.learning.BaseOverride;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.Posterior;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.coordinator.state.AgentView;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.mcp.McpResource;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's MCP resources: {@code trading://agents} (who is on the panel, what each agent
 * does, which model answered last) and {@code trading://weights} (each agent's weight and the
 * record it was learned from).
 */
final class CoordinatorResources {

  static final String AGENTS = "trading://agents";
  static final String WEIGHTS = "trading://weights";

  private final CoordinatorState state;
  private final PanelControl control;
  private final ConfigReader config;

  /** @param config the process configuration, read for each agent's configured backend */
  CoordinatorResources(CoordinatorState state, PanelControl control, ConfigReader config) {
    this.state = state;
    this.control = control;
    this.config = config;
  }

  List<McpResource> resources() {
    return List.of(
        McpResource.dynamic(AGENTS, "agents", "Every configured agent: specialty, role (panel or shadow), "
            + "promoted and paused flags, configured backend, the model id of its latest signal, and its weight",
            () -> Future.succeededFuture(agents())),
        McpResource.dynamic(WEIGHTS, "weights", "Each agent's weight (configured base x learned factor), operator "
            + "overrides, and the hit-rate posterior learned from fill mark-outs, with the learning settings",
            () -> Future.succeededFuture(weights())));
  }

  JsonObject agents() {
    List<String> shadows = control.configuredShadows();
    JsonArray agents = new JsonArray();
    for (AgentView view : state.agents()) {
      String name = view.standing().agent();
      JsonObject agent = new JsonObject()
          .put("name", name)
          .put("service", view.service())
          .put("specialty", AgentCatalog.specialty(view.service()))
          .put("role", view.shadow() ? "shadow" : "panel")
          .put("promoted", !view.shadow() && shadows.contains(name))
          .put("paused", view.paused())
          .put("backend", config.string("agents." + name + ".backend", "builtin"))
          .put("weight", view.standing().weight());
      state.latestSignalOf(name).ifPresent(latest -> agent
          .put("modelId", latest.signal().getModelId())
          .put("lastSignal", new JsonObject()
              .put("symbol", latest.signal().getSymbol())
              .put("direction", latest.signal().getDirection().name())
              .put("degraded", latest.signal().getDegraded())
              .put("eventTime", TradingJson.time(latest.signal().getMeta().getEventTimeUs()))));
      agents.add(agent);
    }
    return new JsonObject().put("agents", agents).put("quorumMinimum", control.quorumMinimum());
  }

  JsonObject weights() {
    Map<String, BaseOverride> overrides = control.overrides();
    JsonObject agents = new JsonObject();
    for (AgentView view : state.agents()) {
      Standing standing = view.standing();
      Posterior posterior = standing.posterior();
      agents.put(standing.agent(), new JsonObject()
          .put("weight", standing.weight())
          .put("baseWeight", standing.baseWeight())
          .put("configuredBase", control.configuredBase(standing.agent()))
          .put("overridden", overrides.containsKey(standing.agent()))
          .put("learnedFactor", standing.factor())
          .put("role", view.shadow() ? "shadow" : "panel")
          .put("posterior", new JsonObject()
              .put("hitRate", posterior.hitRate())
              .put("alpha", posterior.alpha())
              .put("beta", posterior.beta())
              .put("hits", posterior.hits())
              .put("misses", posterior.misses())));
    }
    LearningParams params = control.learningParams();
    return new JsonObject()
        .put("agents", agents)
        .put("learning", new JsonObject()
            .put("enabled", control.learningEnabled())
            .put("priorStrength", params.priorStrength())
            .put("halfLife", params.halfLife())
            .put("minFactor", params.minFactor())
            .put("maxFactor", params.maxFactor())
            .put("minMoveBps", params.minMoveBps()))
        .put("weightsFile", control.weightsFile().orElse(null));
  }
}
