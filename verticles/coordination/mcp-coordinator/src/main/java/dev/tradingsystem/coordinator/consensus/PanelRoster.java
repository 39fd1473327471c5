package dev.tradingsystem.coordinator.consensus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who is asked and whose answers trade. The panel's answers make the published consensus; shadow
 * agents (a new agent or prompt version on trial) are asked the same requests and scored the
 * same way, but their signals never reach the frameworks until {@link #promote promoted}.
 *
 * <p>Safe to call from any thread (an operator tool promotes while decisions run): each change
 * publishes a new immutable {@link Members}, and a decision works on the members it read at
 * its start.
 */
public final class PanelRoster {

  /** The roster at one moment. */
  public record Members(List<String> panel, List<String> shadows) {

    public boolean isShadow(String agent) {
      return shadows.contains(agent);
    }

    /** Panel then shadows: everyone asked for a decision. */
    public List<String> everyone() {
      List<String> all = new ArrayList<>(panel);
      all.addAll(shadows);
      return List.copyOf(all);
    }
  }

  private volatile Members members;

  /** @throws IllegalArgumentException when an agent is listed twice or both on the panel and in the shadow */
  public PanelRoster(List<String> panel, List<String> shadows) {
    LinkedHashSet<String> all = new LinkedHashSet<>(panel);
    all.addAll(shadows);
    if (all.size() != panel.size() + shadows.size()) {
      throw new IllegalArgumentException("agents must be listed once, on the panel or in the shadow: "
          + panel + " / " + shadows);
    }
    this.members = new Members(List.copyOf(panel), List.copyOf(shadows));
  }

  public Members members() {
    return members;
  }

  /**
   * Moves a shadow agent onto the panel: from the next decision on its signals are fused into
   * the published consensus, with the weight it earned in the shadow. The quorum minimum is
   * unchanged. Lasts until restart; list the agent in {@code coordinator.agents} to keep it.
   *
   * @return true when the agent was a shadow and is now on the panel, false when it already was
   * @throws IllegalArgumentException when the agent is neither on the panel nor in the shadow
   */
  public synchronized boolean promote(String agent) {
    Members now = members;
    if (now.panel().contains(agent)) {
      return false;
    }
    if (!now.shadows().contains(agent)) {
      throw new IllegalArgumentException(agent + " is not a configured agent; shadows: " + now.shadows());
    }
    List<String> panel = new ArrayList<>(now.panel());
    panel.add(agent);
    List<String> shadows = new ArrayList<>(now.shadows());
    shadows.remove(agent);
    members = new Members(List.copyOf(panel), List.copyOf(shadows));
    return true;
  }
}
