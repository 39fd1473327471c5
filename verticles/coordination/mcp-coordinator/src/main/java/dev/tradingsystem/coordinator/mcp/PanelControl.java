package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.consensus.learning.BaseOverride;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operator tools may change on the coordinator, and the settings they report. Called on the
 * coordinator's context (MCP handlers run there), so implementations touch its state directly.
 * Agents are named by short name ({@code deepseek}).
 */
public interface PanelControl {

  /**
   * Replaces an agent's base weight from the next decision on (the learned factor still applies)
   * and marks the weights for saving.
   *
   * @throws IllegalArgumentException for an agent not configured or a weight not finite and >= 0
   */
  Standing setBaseWeight(String agent, double weight);

  /** The agent's weight and record now. */
  Standing standing(String agent);

  /** Its configured base weight ({@code coordinator.weights.<agent>}). */
  double configuredBase(String agent);

  /** Operator overrides of base weights now in force. */
  Map<String, BaseOverride> overrides();

  /** @see dev.tradingsystem.coordinator.consensus.PanelRoster#promote */
  boolean promote(String agent);

  /** @see dev.tradingsystem.coordinator.consensus.PanelRoster#pause */
  boolean pause(String agent, String detail);

  /** @see dev.tradingsystem.coordinator.consensus.PanelRoster#resume */
  boolean resume(String agent);

  /** Where learned weights and overrides are saved; empty when they are not ({@code coordinator.weights.persist}). */
  Optional<String> weightsFile();

  /** Agents configured in the shadow ({@code coordinator.shadowAgents}), promoted or not. */
  List<String> configuredShadows();

  /** Fresh panel answers a directional consensus needs ({@code coordinator.quorum.min}). */
  int quorumMinimum();

  boolean learningEnabled();

  LearningParams learningParams();
}
