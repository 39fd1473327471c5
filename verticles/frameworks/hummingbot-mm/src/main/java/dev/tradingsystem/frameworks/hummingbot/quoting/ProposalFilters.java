package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters every proposal passes before it is placed, in Hummingbot's order: the trading
 * state, the budget, and post-only safety (Hummingbot's {@code c_filter_out_takers}).
 */
public final class ProposalFilters {

  private ProposalFilters() {
  }

  /**
   * REDUCING lets only risk-reducing orders through: a long book keeps its asks up to the position,
   * a short one its bids, a flat one nothing. Other states pass the proposal unchanged.
   */
  public static Proposal forTradingState(Proposal proposal, TradingState state, long position) {
    if (state != TradingState.REDUCING) {
      return proposal;
    }
    return new Proposal(position < 0 ? capped(proposal.buys(), -position) : List.of(),
        position > 0 ? capped(proposal.sells(), position) : List.of(), proposal.withdrawn());
  }

  /**
   * Hummingbot's budget constraint: bids, best first, use the quote balance not locked by orders
   * that stay; a bid it cannot pay in full is shrunk to what is left. Asks likewise use the base
   * held and not already offered. Levels that shrink below the minimum size are dropped.
   *
   * @param staying orders that keep resting (hanging orders) and lock balance
   */
  public static Proposal budgeted(Proposal proposal, StrategyBook book, List<Order> staying, MarketView market) {
    Instrument instrument = market.instrument();
    long quote = book.quoteBalanceMicros();
    long base = Math.max(0, book.position());
    for (Order order : staying) {
      long leaves = Math.max(0, order.getQuantity() - order.getFilledQuantity());
      if (order.getSide() == Side.BUY) {
        quote -= FixedPoint.notionalMicros(order.getPrice(), leaves, instrument);
      } else {
        base -= leaves;
      }
    }
    List<Proposal.Level> buys = new ArrayList<>();
    for (Proposal.Level level : proposal.buys()) {
      long needed = FixedPoint.notionalMicros(level.price(), level.size(), instrument);
      long size = level.size();
      if (quote < needed) {
        size = affordable(Math.max(0, quote), level.price(), instrument);
        quote = 0;
      } else {
        quote -= needed;
      }
      keep(buys, level.price(), size, market);
    }
    List<Proposal.Level> sells = new ArrayList<>();
    for (Proposal.Level level : proposal.sells()) {
      long size = Math.min(level.size(), Math.max(0, base));
      base -= size;
      keep(sells, level.price(), FixedPoint.roundToLot(size, instrument), market);
    }
    return new Proposal(buys, sells, proposal.withdrawn());
  }

  /** Drops bids at or above the best ask and asks at or below the best bid: post-only would refuse them. */
  public static Proposal makersOnly(Proposal proposal, MarketView market) {
    long ceiling = market.buyCeilingExclusive();
    long floor = market.sellFloorExclusive();
    return new Proposal(
        proposal.buys().stream().filter(l -> l.price() > 0 && (ceiling <= 0 || l.price() < ceiling)).toList(),
        proposal.sells().stream().filter(l -> l.price() > 0 && (floor <= 0 || l.price() > floor)).toList(),
        proposal.withdrawn());
  }

  private static List<Proposal.Level> capped(List<Proposal.Level> levels, long limit) {
    List<Proposal.Level> kept = new ArrayList<>();
    long left = limit;
    for (Proposal.Level level : levels) {
      long size = Math.min(level.size(), left);
      if (size > 0) {
        kept.add(new Proposal.Level(level.price(), size));
        left -= size;
      }
    }
    return kept;
  }

  private static void keep(List<Proposal.Level> levels, long price, long size, MarketView market) {
    if (size >= market.minSize()) {
      levels.add(new Proposal.Level(price, size));
    }
  }

  /** The size units {@code micros} of quote currency buy at {@code price}, down to the lot. */
  private static long affordable(long micros, long price, Instrument instrument) {
    if (price <= 0) {
      return 0;
    }
    BigDecimal size = BigDecimal.valueOf(micros)
        .movePointRight(instrument.getPriceScale() + instrument.getSizeScale() - FixedPoint.MONEY_SCALE)
        .divide(BigDecimal.valueOf(price), 0, RoundingMode.FLOOR);
    return FixedPoint.roundToLot(size.longValueExact(), instrument);
  }
}
