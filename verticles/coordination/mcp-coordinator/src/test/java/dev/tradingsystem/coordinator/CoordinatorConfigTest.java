package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CoordinatorConfigTest {

  private static CoordinatorConfig read(JsonObject tree, JsonObject env) {
    return CoordinatorConfig.from(ConfigReader.of(tree.copy().put(ConfigReader.ENV_KEY, env)));
  }

  @Test
  void defaults() {
    CoordinatorConfig config = read(new JsonObject(), new JsonObject());

    assertThat(config.agents()).containsExactlyElementsOf(ServiceNames.AGENTS);
    assertThat(config.agentTimeoutMs()).as("replay waits: load must not change who answered").isEqualTo(30_000);
    assertThat(config.minScore()).isEqualTo(0.15);
    assertThat(config.quorum()).isEqualTo(2);
    assertThat(config.weights()).containsOnlyKeys("deepseek", "qwen", "fingpt", "lagllama").containsValue(1.0);
    assertThat(config.shadowAgents()).isEmpty();
    assertThat(config.countDegraded()).isTrue();
    assertThat(config.signalTtlMs()).isEqualTo(5_000);
    assertThat(config.learning()).isTrue();
    assertThat(config.learningParams().priorStrength()).isEqualTo(4);
    assertThat(config.learningParams().halfLife()).isEqualTo(50);
    assertThat(config.weightsFile()).isEqualTo(Path.of("data", "coordinator-weights.json"));
    assertThat(config.persistWeights()).as("a replay starts from the configured weights").isFalse();
  }

  @Test
  void liveRunsAndNamedFilesKeepTheLearnedWeights() {
    CoordinatorConfig live = read(new JsonObject().put("clock", new JsonObject().put("mode", "wall"))
        .put("warehouse", new JsonObject().put("dir", "/var/run-7")), new JsonObject());
    CoordinatorConfig named = read(new JsonObject(), new JsonObject().put("TRADING_COORDINATOR_WEIGHTS_FILE", "/tmp/w.json"));
    CoordinatorConfig off = read(new JsonObject().put("clock", new JsonObject().put("mode", "wall")),
        new JsonObject().put("TRADING_COORDINATOR_WEIGHTS_PERSIST", "false"));

    assertThat(live.persistWeights()).isTrue();
    assertThat(live.weightsFile()).isEqualTo(Path.of("/var/run-7", "coordinator-weights.json"));
    assertThat(named.persistWeights()).isTrue();
    assertThat(named.weightsFile()).isEqualTo(Path.of("/tmp/w.json"));
    assertThat(off.persistWeights()).isFalse();
  }

  @Test
  void quorumPolicyShadowsAndTtl() {
    JsonObject tree = new JsonObject().put("coordinator", new JsonObject()
        .put("agents", "deepseek-agent,qwen-agent,fingpt-agent,lagllama-agent")
        .put("shadowAgents", "deepseek-v2-agent")
        .put("quorum", new JsonObject().put("min", 3).put("countDegraded", false))
        .put("signalTtlMs", 750)
        .put("weights", new JsonObject().put("deepseek-v2", 0.5)));

    CoordinatorConfig config = read(tree, new JsonObject());

    assertThat(config.quorum()).isEqualTo(3);
    assertThat(config.countDegraded()).isFalse();
    assertThat(config.shadowAgents()).containsExactly("deepseek-v2-agent");
    assertThat(config.weights()).containsEntry("deepseek-v2", 0.5);
    assertThat(config.signalTtlMs()).isEqualTo(750);
    assertThat(read(new JsonObject().put("coordinator", new JsonObject().put("quorum", 3)), new JsonObject()).quorum())
        .as("a plain number under coordinator.quorum still reads").isEqualTo(3);
    assertThat(read(new JsonObject(), new JsonObject().put("TRADING_COORDINATOR_QUORUM_MIN", "4")).quorum()).isEqualTo(4);
  }

  @Test
  void liveKeepsTheShortAgentDeadline() {
    CoordinatorConfig config = read(new JsonObject().put("clock", new JsonObject().put("mode", "wall")), new JsonObject());

    assertThat(config.agentTimeoutMs()).isEqualTo(CoordinatorConfig.DEFAULT_AGENT_TIMEOUT_MS);
  }

  @Test
  void weightsPerAgentShortNameAndEnvironmentOverrides() {
    JsonObject tree = new JsonObject().put("coordinator", new JsonObject()
        .put("agents", "deepseek-agent,lagllama-agent")
        .put("weights", new JsonObject().put("lagllama", 2.5)));

    CoordinatorConfig config = read(tree, new JsonObject().put("TRADING_COORDINATOR_MIN_SCORE", "0.3"));

    assertThat(config.weights()).containsEntry("deepseek", 1.0).containsEntry("lagllama", 2.5);
    assertThat(config.minScore()).isEqualTo(0.3);
  }

  @Test
  void riskDampingDefaultsAndOverrides() {
    CoordinatorConfig defaults = read(new JsonObject(), new JsonObject());
    assertThat(defaults.risk().warningHaircut()).isEqualTo(0.5);
    assertThat(defaults.risk().holdMicros()).isEqualTo(300_000_000L);
    CoordinatorConfig set = read(new JsonObject().put("coordinator", new JsonObject().put("risk",
        new JsonObject().put("warningHaircut", 0.25).put("holdSeconds", 2.5))), new JsonObject());
    assertThat(set.risk().warningHaircut()).isEqualTo(0.25);
    assertThat(set.risk().holdMicros()).isEqualTo(2_500_000L);
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("risk",
        new JsonObject().put("warningHaircut", 1.5))), new JsonObject()))
        .hasMessageContaining("coordinator.risk.warningHaircut");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("risk",
        new JsonObject().put("holdSeconds", 0))), new JsonObject()))
        .hasMessageContaining("coordinator.risk.holdSeconds");
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("quorum", 5)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.quorum");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject()
        .put("quorum", new JsonObject().put("min", 5))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.quorum.min");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject()
        .put("shadowAgents", "qwen-agent")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.shadowAgents");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("edgeScaleBps", 0)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.edgeScaleBps");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("learning",
        new JsonObject().put("maxFactor", 3))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.learning.maxFactor");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("minScore", 1.5)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.minScore");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject()
        .put("weights", new JsonObject().put("qwen", -1))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.weights.qwen");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("agents", "a-agent,a-agent")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.agents");
  }
}
