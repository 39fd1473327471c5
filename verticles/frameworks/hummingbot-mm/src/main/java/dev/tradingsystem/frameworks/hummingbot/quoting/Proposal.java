package dev.tradingsystem.frameworks.hummingbot.quoting;

import java.util.List;

/**
 * The orders a strategy wants resting on one symbol, best level first on each side (Hummingbot's
 * proposal). Bids and asks of the same index form a level pair: when one of a pair fills, the
 * other may be kept as a hanging order. A withdrawn proposal means "quote nothing, cancel
 * everything now" (outside the execution timeframe, for instance).
 *
 * @param buys      bids, best (highest) first
 * @param sells     asks, best (lowest) first
 * @param withdrawn non-null: the reason every resting quote is cancelled now
 */
public record Proposal(List<Level> buys, List<Level> sells, String withdrawn) {

  /**
   * One order of the proposal.
   *
   * @param price price units
   * @param size  size units
   */
  public record Level(long price, long size) {
  }

  public Proposal {
    buys = List.copyOf(buys);
    sells = List.copyOf(sells);
  }

  public static Proposal of(List<Level> buys, List<Level> sells) {
    return new Proposal(buys, sells, null);
  }

  public static Proposal withdraw(String reason) {
    return new Proposal(List.of(), List.of(), reason);
  }

  public boolean isWithdrawn() {
    return withdrawn != null;
  }

  public boolean isEmpty() {
    return buys.isEmpty() && sells.isEmpty();
  }

  public List<Long> buyPrices() {
    return buys.stream().map(Level::price).toList();
  }

  public List<Long> sellPrices() {
    return sells.stream().map(Level::price).toList();
  }
}
