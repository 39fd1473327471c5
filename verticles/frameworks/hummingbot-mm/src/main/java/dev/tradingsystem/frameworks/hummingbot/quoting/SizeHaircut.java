package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The coordinator's {@code Consensus.size_haircut} h applied to a market maker's proposal, the
 * quoting counterpart of the shared {@code RiskStance} the other frameworks follow:
 * <ul>
 *   <li>h = 0: the proposal as it is;</li>
 *   <li>0 &lt; h &lt; 1: every level's size × (1 − h), rounded down to the lot; a level that falls
 *       under the venue's minimum size is not quoted (raising it back to the minimum would undo
 *       the haircut). Both sides are cut: each new quote is new exposure until it fills;</li>
 *   <li>h = 1: reduce-only, like REDUCING: long inventory keeps only its asks, short only its
 *       bids, flat quotes nothing; the kept side is sized as proposed but capped at the inventory.
 *       Exits are not haircut (as in freqtrade, h = 1 opens nothing new and exits still run), so
 *       the reducing side is not shrunk to nothing.</li>
 * </ul>
 * Resting orders are not resized here: the refresh tolerance compares prices, so an order placed
 * before the haircut rests until its refresh, its maximum age or a fill replaces it.
 */
public final class SizeHaircut {

  private SizeHaircut() {
  }

  /**
   * The proposal after the haircut.
   *
   * @param proposal levels placed when the cycle creates orders
   * @param cut      levels kept at a smaller size than proposed
   * @param skipped  levels dropped (under the minimum size after the cut, or the growing side at h = 1)
   */
  public record Result(Proposal proposal, int cut, int skipped) {
  }

  /** Whether h leaves only the reducing side (h = 1). */
  public static boolean reduceOnly(double haircut) {
    return haircut >= 1;
  }

  /** The reason suffix of a quote placed under haircut h ("" without one). */
  public static String label(double haircut) {
    return haircut > 0 ? String.format(Locale.ROOT, " (haircut %.2f)", haircut) : "";
  }

  /**
   * Applies haircut h (in [0, 1], checked by the framework at the boundary) to a proposal.
   *
   * @param position the strategy's inventory on the symbol, size units (negative: short)
   */
  public static Result apply(Proposal proposal, double haircut, long position, MarketView market) {
    if (!(haircut > 0)) {
      return new Result(proposal, 0, 0);
    }
    Counter counter = new Counter(market);
    if (reduceOnly(haircut)) {
      // Only the side that shrinks the inventory, best level first, until the inventory is offered.
      List<Proposal.Level> buys = position < 0 ? counter.capped(proposal.buys(), -position) : counter.none(proposal.buys());
      List<Proposal.Level> sells = position > 0 ? counter.capped(proposal.sells(), position) : counter.none(proposal.sells());
      return new Result(new Proposal(buys, sells, proposal.withdrawn()), counter.cut, counter.skipped);
    }
    // 1 − h in decimal: 1 − 0.3 is 0.7 to a trader, not the double 0.69999999999999996.
    BigDecimal factor = BigDecimal.ONE.subtract(BigDecimal.valueOf(haircut));
    List<Proposal.Level> buys = counter.scaled(proposal.buys(), factor);
    List<Proposal.Level> sells = counter.scaled(proposal.sells(), factor);
    return new Result(new Proposal(buys, sells, proposal.withdrawn()), counter.cut, counter.skipped);
  }

  /** Cuts levels and counts what it did. */
  private static final class Counter {
    private final MarketView market;
    int cut;
    int skipped;

    Counter(MarketView market) {
      this.market = market;
    }

    List<Proposal.Level> none(List<Proposal.Level> levels) {
      skipped += levels.size();
      return List.of();
    }

    List<Proposal.Level> scaled(List<Proposal.Level> levels, BigDecimal factor) {
      List<Proposal.Level> kept = new ArrayList<>();
      for (Proposal.Level level : levels) {
        keep(kept, level, BigDecimal.valueOf(level.size()).multiply(factor).setScale(0, RoundingMode.FLOOR)
            .longValueExact());
      }
      return kept;
    }

    List<Proposal.Level> capped(List<Proposal.Level> levels, long inventory) {
      List<Proposal.Level> kept = new ArrayList<>();
      long left = inventory;
      for (Proposal.Level level : levels) {
        long size = Math.min(level.size(), left);
        if (keep(kept, level, size)) {
          left -= kept.get(kept.size() - 1).size();
        }
      }
      return kept;
    }

    /** Keeps the level at {@code size} down to the lot unless that is under the minimum (never raised back). */
    private boolean keep(List<Proposal.Level> kept, Proposal.Level level, long size) {
      long lots = FixedPoint.roundToLot(size, market.instrument());
      if (lots < market.minSize()) {
        skipped++;
        return false;
      }
      if (lots < level.size()) {
        cut++;
      }
      kept.add(new Proposal.Level(level.price(), lots));
      return true;
    }
  }
}
