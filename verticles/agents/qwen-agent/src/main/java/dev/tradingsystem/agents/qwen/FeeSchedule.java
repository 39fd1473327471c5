package dev.tradingsystem.agents.qwen;

import java.util.Map;
import java.util.TreeMap;

/**
 * Taker fees per venue, in basis points of the traded notional. An arbitrage crosses the spread
 * on every leg, so it pays the taker rate each time; a venue not listed pays the default rate.
 */
public final class FeeSchedule {

  private final Map<String, Double> takerBpsByVenue;
  private final double defaultTakerBps;

  /**
   * @param takerBpsByVenue taker fee per venue name (as {@link VenueQuote#venueName})
   * @param defaultTakerBps fee of every other venue
   */
  public FeeSchedule(Map<String, Double> takerBpsByVenue, double defaultTakerBps) {
    Map<String, Double> fees = new TreeMap<>();
    takerBpsByVenue.forEach((venue, bps) -> fees.put(VenueQuote.venueName(venue), requireFee(venue, bps)));
    this.takerBpsByVenue = Map.copyOf(fees);
    this.defaultTakerBps = requireFee("default", defaultTakerBps);
  }

  /** The same fee everywhere. */
  public static FeeSchedule flat(double takerBps) {
    return new FeeSchedule(Map.of(), takerBps);
  }

  public double takerBps(String venue) {
    return takerBpsByVenue.getOrDefault(venue, defaultTakerBps);
  }

  /** The share of a leg's proceeds left after the venue's taker fee: {@code 1 - bps / 10,000}. */
  public double keep(String venue) {
    return 1 - takerBps(venue) / 10_000;
  }

  private static double requireFee(String venue, Double bps) {
    if (bps == null || !(bps >= 0 && bps < 10_000)) {
      throw new IllegalArgumentException("taker fee of " + venue + " must be in [0, 10000) bps, got " + bps);
    }
    return bps;
  }
}
