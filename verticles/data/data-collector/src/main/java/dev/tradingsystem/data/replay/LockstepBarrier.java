package dev.tradingsystem.data.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The collector's side of the replay barrier: which participants still owe a TickDone for the
 * tick being waited on. A TickDone for another seq (late, after a timeout, or early) or from a
 * service that never announced itself as a participant is ignored, so a slow participant cannot
 * release a later tick by answering an old one. Single-threaded.
 */
public final class LockstepBarrier {

  /** No tick awaited. */
  public static final long IDLE = -1;

  private final Set<String> participants;
  private final Set<String> outstanding = new HashSet<>();
  private long awaitedSeq = IDLE;

  public LockstepBarrier(Set<String> participants) {
    this.participants = Set.copyOf(participants);
  }

  /** True when there is anyone to wait for. */
  public boolean active() {
    return !participants.isEmpty();
  }

  public Set<String> participants() {
    return participants;
  }

  /** Starts waiting for every participant's TickDone for {@code seq}. Call before publishing seq. */
  public void expect(long seq) {
    awaitedSeq = seq;
    outstanding.clear();
    outstanding.addAll(participants);
  }

  /**
   * Records a TickDone.
   *
   * @return true when this was the last one owed for the awaited tick (the barrier opens)
   */
  public boolean done(String participant, long seq) {
    if (seq != awaitedSeq || !outstanding.remove(participant)) {
      return false;
    }
    if (outstanding.isEmpty()) {
      awaitedSeq = IDLE;
      return true;
    }
    return false;
  }

  /** True while {@code seq} is awaited and someone has not answered. */
  public boolean waitingFor(long seq) {
    return awaitedSeq != IDLE && awaitedSeq == seq;
  }

  /** Gives up on the awaited tick (barrier timeout) and returns who had not answered, sorted. */
  public List<String> abandon() {
    List<String> missing = new ArrayList<>(new TreeSet<>(outstanding));
    outstanding.clear();
    awaitedSeq = IDLE;
    return missing;
  }
}
