package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;

/** What happened to a working order when a market event was matched. */
public sealed interface ExchangeEvent permits ExchangeEvent.Fill, ExchangeEvent.Expiry, ExchangeEvent.Cancelled {

  OrderTicket ticket();

  /** Cumulative filled quantity after this event. */
  long filledQuantity();

  /**
   * A (partial) fill.
   *
   * @param fillNumber 1 for the order's first fill: deterministic execution ids
   * @param price fill price in price units
   * @param quantity filled size units
   * @param feeMicros fee in micros of the quote currency
   */
  record Fill(OrderTicket ticket, int fillNumber, long price, long quantity, long feeMicros,
      Liquidity liquidity, long filledQuantity, long leavesQuantity) implements ExchangeEvent {
  }

  /**
   * An order whose unfilled rest was dropped by the venue: an immediate order (IOC/FOK/market)
   * that found too little, a post-only order that would have taken on arrival, a reduce-only
   * order whose position is closed.
   */
  record Expiry(OrderTicket ticket, long filledQuantity, String reason) implements ExchangeEvent {
  }

  /** A cancel that reached the venue after its latency, with the order still working. */
  record Cancelled(OrderTicket ticket, long filledQuantity) implements ExchangeEvent {
  }
}
