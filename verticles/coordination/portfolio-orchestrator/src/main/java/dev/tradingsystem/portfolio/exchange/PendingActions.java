package dev.tradingsystem.portfolio.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Orders and cancels on their way to the venue, in the order they land: by the event time they
 * are due (placement time plus latency), then by placement seq, arrival before cancel, then order
 * id. Every key is a fact of the tape or the intent, never of wall time or call order, so a
 * replay lands them identically.
 */
final class PendingActions {

  /** What lands. */
  enum Kind {
    ARRIVE,
    CANCEL
  }

  /**
   * One message in flight.
   *
   * @param dueUs event time at which it lands
   * @param seq market event seq at which it was sent: it lands before a later event at the earliest
   */
  record Action(long dueUs, long seq, Kind kind, String orderId) {
  }

  private static final Comparator<Action> LANDING = Comparator.comparingLong(Action::dueUs)
      .thenComparingLong(Action::seq)
      .thenComparing(Action::kind)
      .thenComparing(Action::orderId);

  private final TreeSet<Action> inFlight = new TreeSet<>(LANDING);

  void add(Action action) {
    inFlight.add(action);
  }

  /** Forgets whatever is in flight for an order that has left the venue. */
  void removeFor(String orderId) {
    inFlight.removeIf(action -> action.orderId().equals(orderId));
  }

  /**
   * Takes out, in landing order, what has landed before a market event: due at or before
   * {@code nowUs} and sent before the event's seq.
   */
  List<Action> landedBefore(long nowUs, long eventSeq) {
    List<Action> landed = new ArrayList<>();
    Iterator<Action> it = inFlight.iterator();
    while (it.hasNext()) {
      Action action = it.next();
      if (action.dueUs() > nowUs) {
        break;
      }
      if (action.seq() < eventSeq) {
        landed.add(action);
        it.remove();
      }
    }
    return landed;
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }
}
