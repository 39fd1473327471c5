package dev.tradingsystem.portfolio.exchange;

/** An order on the paper exchange with what has filled so far. Mutated only by the exchange. */
public final class WorkingOrder {

  private final OrderTicket ticket;
  private long filledQuantity;
  private int fills;

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

  void fill(long quantity) {
    filledQuantity += quantity;
    fills++;
  }
}
