package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
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
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("quorum", 5)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.quorum");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("minScore", 1.5)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.minScore");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject()
        .put("weights", new JsonObject().put("qwen", -1))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.weights.qwen");
    assertThatThrownBy(() -> read(new JsonObject().put("coordinator", new JsonObject().put("agents", "a-agent,a-agent")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("coordinator.agents");
  }
}
