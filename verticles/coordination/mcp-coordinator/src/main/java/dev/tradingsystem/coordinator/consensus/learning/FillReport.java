package dev.tradingsystem.coordinator.consensus.learning;

/**
 * A fill as the ledger needs it.
 *
 * @param orderId     the filled order
 * @param symbol      instrument symbol
 * @param price       fill price (a decimal price, not price units)
 * @param eventTimeUs event time of the trade that filled it
 * @param seq         seq of that trade (0 when unknown)
 */
public record FillReport(String orderId, String symbol, double price, long eventTimeUs, long seq) {
}
