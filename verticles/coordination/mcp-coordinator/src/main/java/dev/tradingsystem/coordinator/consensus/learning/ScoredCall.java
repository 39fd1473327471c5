package dev.tradingsystem.coordinator.consensus.learning;

/**
 * One agent's call judged against the market.
 *
 * @param traceId    the decision it was made at
 * @param agent      short name
 * @param sign       its lean, +1 or -1
 * @param outcome    hit, miss or neutral
 * @param markoutBps the price move from the fill to the horizon, bps (positive: the price rose)
 * @param orderId    the fill's order
 * @param markTimeUs event time of the price it was judged on
 */
public record ScoredCall(String traceId, String agent, int sign, Outcome outcome, double markoutBps,
                         String orderId, long markTimeUs) {
}
