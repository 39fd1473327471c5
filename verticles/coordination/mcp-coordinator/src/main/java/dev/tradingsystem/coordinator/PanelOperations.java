package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.learning.BaseOverride;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.coordinator.mcp.PanelControl;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.shared.ServiceNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator tools' hold on the coordinator: weights through the {@link LearningDesk}, the
 * roster through the {@link CoordinatorState}; every change is pushed to the gauges and stats.
 * Used on the coordinator's context only.
 */
final class PanelOperations implements PanelControl {

  private final LearningDesk desk;
  private final CoordinatorState state;
  private final CoordinatorConfig config;
  private final String weightsFile;

  PanelOperations(LearningDesk desk, CoordinatorState state, CoordinatorConfig config, String weightsFile) {
    this.desk = desk;
    this.state = state;
    this.config = config;
    this.weightsFile = weightsFile;
  }

  @Override
  public Standing setBaseWeight(String agent, double weight) {
    return desk.overrideBase(agent, weight);
  }

  @Override
  public Standing standing(String agent) {
    return desk.book().standing(agent);
  }

  @Override
  public double configuredBase(String agent) {
    return desk.book().configuredBase(agent);
  }

  @Override
  public Map<String, BaseOverride> overrides() {
    return desk.book().overrides();
  }

  @Override
  public boolean promote(String agent) {
    boolean promoted = state.promote(agent);
    desk.publishWeights();
    return promoted;
  }

  @Override
  public boolean pause(String agent, String detail) {
    boolean paused = state.pause(agent, detail);
    desk.publishWeights();
    return paused;
  }

  @Override
  public boolean resume(String agent) {
    boolean resumed = state.resume(agent);
    desk.publishWeights();
    return resumed;
  }

  @Override
  public Optional<String> weightsFile() {
    return config.persistWeights() ? Optional.of(weightsFile) : Optional.empty();
  }

  @Override
  public List<String> configuredShadows() {
    return config.shadowAgents().stream().map(ServiceNames::agentShortName).toList();
  }

  @Override
  public int quorumMinimum() {
    return config.quorum();
  }

  @Override
  public boolean learningEnabled() {
    return config.learning();
  }

  @Override
  public LearningParams learningParams() {
    return config.learningParams();
  }
}
