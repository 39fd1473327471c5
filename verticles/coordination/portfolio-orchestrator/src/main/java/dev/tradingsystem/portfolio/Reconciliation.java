package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.Order;
import java.util.List;

/**
 * What a restart found when it compared the journal with the exchange.
 *
 * @param records journal records replayed
 * @param lastSeq the last market seq the journal says was applied: trades up to it are skipped
 * @param resubmitted journaled working orders handed to the venue again, same ids
 * @param lost journaled working orders the venue refused or no longer has, now EXPIRED (journaled
 *     and published as such)
 * @param unknownToJournal orders the venue reports working that the journal never accepted (a live
 *     venue could hold such an order if a crash came between sending it and journaling it; the
 *     paper venue never does): reported, not adopted
 */
public record Reconciliation(long records, long lastSeq, List<String> resubmitted, List<Order> lost,
    List<String> unknownToJournal) {

  public Reconciliation {
    resubmitted = List.copyOf(resubmitted);
    lost = List.copyOf(lost);
    unknownToJournal = List.copyOf(unknownToJournal);
  }

  public static Reconciliation none() {
    return new Reconciliation(0, 0, List.of(), List.of(), List.of());
  }
}
