package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.shared.ServiceNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asked and whose answers trade. The panel's answers make the published consensus; shadow
 * agents (a new agent or prompt version on trial) are asked the same requests and scored the
 * same way, but their signals never reach the frameworks until {@link #promote promoted}. An
 * operator may {@link #pause} any agent: it is not asked until {@link #resume resumed} and is
 * recorded as missing with reason {@code paused}.
 *
 * <p>Safe to call from any thread (an operator tool promotes while decisions run): each change
 * publishes a new immutable {@link Members}, and a decision works on the members it read at
 * its start.
 */
public final class PanelRoster {

  /**
   * The roster at one moment.
   *
   * @param panel   agents whose answers are fused, in configured order (promoted ones last)
   * @param shadows agents on trial
   * @param paused  paused agents (panel or shadow) with what the operator said, in pausing order
   */
  public record Members(List<String> panel, List<String> shadows, Map<String, String> paused) {

    public Members {
      panel = List.copyOf(panel);
      shadows = List.copyOf(shadows);
      paused = Collections.unmodifiableMap(new LinkedHashMap<>(paused));
    }

    public boolean isShadow(String agent) {
      return shadows.contains(agent);
    }

    public boolean isPaused(String agent) {
      return paused.containsKey(agent);
    }

    /** Panel then shadows: every configured agent, paused ones included. */
    public List<String> everyone() {
      List<String> all = new ArrayList<>(panel);
      all.addAll(shadows);
      return List.copyOf(all);
    }

    /** Everyone who is asked for a decision: every configured agent not paused. */
    public List<String> asked() {
      return everyone().stream().filter(agent -> !isPaused(agent)).toList();
    }

    /** Panel agents that are asked: the most answers a quorum can count on. */
    public List<String> activePanel() {
      return panel.stream().filter(agent -> !isPaused(agent)).toList();
    }

    /**
     * The replies of everyone, in {@link #everyone()} order: the replies of the agents that were
     * asked, and a {@link MissingReason#PAUSED} reply for each paused agent.
     *
     * @param askedReplies one reply per agent of {@link #asked()}, in any order
     */
    public List<AgentReply> withPaused(List<AgentReply> askedReplies) {
      Map<String, AgentReply> byAgent = new LinkedHashMap<>();
      askedReplies.forEach(reply -> byAgent.put(reply.agent(), reply));
      List<AgentReply> all = new ArrayList<>();
      for (String agent : everyone()) {
        AgentReply reply = isPaused(agent)
            ? AgentReply.missing(agent, MissingReason.PAUSED, paused.get(agent))
            : byAgent.get(agent);
        if (reply != null) {
          all.add(reply);
        }
      }
      return List.copyOf(all);
    }

    /** The configured service an operator means, by service ({@code fingpt-agent}) or short name ({@code fingpt}). */
    public Optional<String> resolve(String agent) {
      return everyone().stream()
          .filter(s -> s.equals(agent) || ServiceNames.agentShortName(s).equals(agent))
          .findFirst();
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
    this.members = new Members(panel, shadows, Map.of());
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
    requireConfigured(now, agent);
    List<String> panel = new ArrayList<>(now.panel());
    panel.add(agent);
    List<String> shadows = new ArrayList<>(now.shadows());
    shadows.remove(agent);
    members = new Members(panel, shadows, now.paused());
    return true;
  }

  /**
   * Stops asking an agent from the next decision on; it is recorded as missing with reason
   * {@code paused} and {@code detail}. Lasts until {@link #resume} or restart.
   *
   * @return false when it was already paused (the first detail is kept)
   * @throws IllegalArgumentException when the agent is not configured
   */
  public synchronized boolean pause(String agent, String detail) {
    Members now = members;
    requireConfigured(now, agent);
    if (now.isPaused(agent)) {
      return false;
    }
    Map<String, String> paused = new LinkedHashMap<>(now.paused());
    paused.put(agent, detail == null ? "" : detail);
    members = new Members(now.panel(), now.shadows(), paused);
    return true;
  }

  /**
   * Asks a paused agent again from the next decision on.
   *
   * @return false when it was not paused
   * @throws IllegalArgumentException when the agent is not configured
   */
  public synchronized boolean resume(String agent) {
    Members now = members;
    requireConfigured(now, agent);
    if (!now.isPaused(agent)) {
      return false;
    }
    Map<String, String> paused = new LinkedHashMap<>(now.paused());
    paused.remove(agent);
    members = new Members(now.panel(), now.shadows(), paused);
    return true;
  }

  private static void requireConfigured(Members now, String agent) {
    if (!now.panel().contains(agent) && !now.shadows().contains(agent)) {
      throw new IllegalArgumentException(agent + " is not a configured agent; panel: " + now.panel()
          + ", shadows: " + now.shadows());
    }
  }
}
