package dev.tradingsystem.portfolio.exchange;

/**
 * An order on the paper exchange with what has filled so far and, once it has reached the venue,
 * how it is matched. Mutated only by the exchange.
 */
public final class WorkingOrder {

  /** How a live order is matched, fixed when it reaches the venue. */
  public enum FillModel {
    /** Not at the venue yet: the submit latency has not elapsed. */
    IN_FLIGHT,
    /** No book for the symbol on arrival: matched against the trade tape only. */
    TRADE_TAPE,
    /** Arrived against a synced L2 book: rests behind an estimated queue. */
    QUEUE
  }

  private final OrderTicket ticket;
  private long filledQuantity;
  private int fills;
  private FillModel model = FillModel.IN_FLIGHT;
  private long queueAhead;
  private long queueAheadOnArrival;
  private long printedSinceDepth;
  private boolean cancelPending;

  WorkingOrder(OrderTicket ticket) {
    this.ticket = ticket;
  }

  public OrderTicket ticket() {
    return ticket;
  }

  public long filledQuantity() {
    return filledQuantity;
  }

  public long leavesQuantity() {
    return ticket.quantity() - filledQuantity;
  }

  /** Number of fills so far: the suffix of the next execution id. */
  public int fills() {
    return fills;
  }

  public FillModel model() {
    return model;
  }

  /** Estimated size displayed ahead of this order at its price (QUEUE model only), size units. */
  public long queueAhead() {
    return queueAhead;
  }

  /** The displayed size at the order's price when it joined the queue, size units. */
  public long queueAheadOnArrival() {
    return queueAheadOnArrival;
  }

  /** True while a cancel is on its way to the venue: the order can still fill until it lands. */
  public boolean cancelPending() {
    return cancelPending;
  }

  void fill(long quantity) {
    filledQuantity += quantity;
    fills++;
  }

  /** A restored order's fills before the restart. */
  void restoreFills(long quantity, int count) {
    filledQuantity = quantity;
    fills = count;
  }

  void arrive(FillModel fillModel) {
    model = fillModel;
  }

  void joinQueue(long displayedAhead) {
    model = FillModel.QUEUE;
    queueAhead = displayedAhead;
    queueAheadOnArrival = displayedAhead;
    printedSinceDepth = 0;
  }

  void queueAhead(long estimate) {
    queueAhead = Math.max(0, estimate);
  }

  /** Print volume at the order's price since the level last changed on the book (hftbacktest's double-count guard). */
  long printedSinceDepth() {
    return printedSinceDepth;
  }

  void printed(long size) {
    printedSinceDepth += size;
  }

  void depthSeen() {
    printedSinceDepth = 0;
  }

  void cancelRequested() {
    cancelPending = true;
  }
}
