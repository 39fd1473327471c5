package dev.tradingsystem.coordinator.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the fresh answers of a decision and turns the rest into missing agents, in the order the
 * agents were asked. A signal is stale when its event time is older than the decision's event
 * time by more than the TTL: a cached or late-delivered opinion about an earlier market must not
 * vote on this one. A signal without an event time (0) cannot be aged and is kept; so is one
 * newer than the decision (clocks of separately deployed agents may lead slightly).
 */
public final class SignalScreen {

  private final long ttlUs;

  /** @param ttlMs the oldest a signal may be relative to its decision, in milliseconds (> 0) */
  public SignalScreen(long ttlMs) {
    if (ttlMs <= 0) {
      throw new IllegalArgumentException("ttlMs must be > 0, got " + ttlMs);
    }
    this.ttlUs = ttlMs * 1_000;
  }

  /** The answers and the missing agents of a decision taken at {@code decisionTimeUs}. */
  public Screened screen(List<AgentReply> replies, long decisionTimeUs) {
    List<AgentAnswer> answers = new ArrayList<>();
    List<MissingAgent> missing = new ArrayList<>();
    for (AgentReply reply : replies) {
      if (!reply.answered()) {
        missing.add(reply.missing());
        continue;
      }
      long signalTimeUs = reply.signal().getMeta().getEventTimeUs();
      long ageUs = decisionTimeUs - signalTimeUs;
      if (signalTimeUs > 0 && ageUs > ttlUs) {
        missing.add(new MissingAgent(reply.agent(), MissingReason.STALE,
            "signal is " + ageUs / 1_000 + " ms older than the decision (ttl " + ttlUs / 1_000 + " ms)"));
      } else {
        answers.add(new AgentAnswer(reply.agent(), reply.signal()));
      }
    }
    return new Screened(List.copyOf(answers), List.copyOf(missing));
  }

  /** Fresh answers and missing agents, each in asking order. */
  public record Screened(List<AgentAnswer> answers, List<MissingAgent> missing) {
  }
}
