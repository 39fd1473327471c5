package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.MarketView;
import dev.tradingsystem.frameworks.hummingbot.quoting.Proposal;
import dev.tradingsystem.frameworks.hummingbot.quoting.ProposalSource;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteCycle;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.StrategyBook;
import dev.tradingsystem.frameworks.hummingbot.quoting.SymbolScopedStrategy;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hummingbot's pure market making ({@code hummingbot-mm.pmm} by default). Each time creation is
 * due it proposes, as Hummingbot's {@code c_tick} does:
 * <ol>
 *   <li>{@code order_levels} bids at mid·(1 − bid_spread − i·order_level_spread) and asks at
 *       mid·(1 + ask_spread + i·order_level_spread), sized order_amount + i·order_level_amount
 *       (bids rounded down, asks up to the tick, sizes down to the lot);</li>
 *   <li>the price band: at or above {@code price_ceiling} no bids, at or below {@code price_floor}
 *       no asks;</li>
 *   <li>inventory skew: bid and ask sizes times {@link InventorySkew}'s ratios;</li>
 * </ol>
 * and leaves budget, post-only safety, refresh and tolerance, hanging orders, minimum spread and
 * the fill delay to the shared {@link QuoteCycle}. A WARNING risk alert multiplies the spreads.
 * Not thread-safe: one owner.
 */
public final class PureMarketMaking extends SymbolScopedStrategy {

  public static final String NAME = "pmm";
  public static final String ID = ServiceNames.HUMMINGBOT + "." + NAME;

  private final PmmSettings settings;
  private final CycleSettings cycle;
  private final Map<String, QuoteCycle> cycles = new TreeMap<>();
  private final ProposalSource proposals = this::propose;

  /** The default strategy ({@link #ID}) on every symbol. */
  public PureMarketMaking(PmmSettings settings, CycleSettings cycle) {
    this(ID, Set.of(), settings, cycle);
  }

  /** @param symbols the symbols quoted; empty quotes every symbol */
  public PureMarketMaking(String id, Set<String> symbols, PmmSettings settings, CycleSettings cycle) {
    super(id, symbols);
    this.settings = settings;
    this.cycle = cycle;
  }

  @Override
  public List<OrderIntent> onTick(QuotingContext context) {
    String symbol = context.consensus().getFeatures().getInstrument().getSymbol();
    return cycles.computeIfAbsent(symbol, s -> new QuoteCycle(cycle, intents())).run(context, proposals);
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    cycles.forEach((symbol, c) -> status.put(symbol, Map.of(
        "nextCreateUs", c.timers().createAtUs(), "nextCancelUs", c.timers().cancelAtUs(),
        "hangingOrders", c.hangingOrders().size())));
    return status;
  }

  /** The proposal of one tick (steps 1–3 of the class comment). */
  Proposal propose(QuotingContext context, MarketView market) {
    double mid = market.mid();
    double widen = context.stance().spreadFactor();
    List<Proposal.Level> buys = new ArrayList<>();
    List<Proposal.Level> sells = new ArrayList<>();
    for (int level = 0; level < settings.orderLevels(); level++) {
      double amount = settings.orderAmount() + level * settings.orderLevelAmount();
      double extra = level * settings.orderLevelSpreadPct();
      buys.add(new Proposal.Level(market.bidUnits(mid * (1 - (settings.bidSpreadPct() + extra) * widen / 100)),
          market.sizeUnits(amount)));
      sells.add(new Proposal.Level(market.askUnits(mid * (1 + (settings.askSpreadPct() + extra) * widen / 100)),
          market.sizeUnits(amount)));
    }
    if (settings.priceCeiling() > 0 && mid >= settings.priceCeiling()) {
      buys.clear();
    }
    if (settings.priceFloor() > 0 && mid <= settings.priceFloor()) {
      sells.clear();
    }
    if (settings.inventorySkewEnabled()) {
      StrategyBook book = context.book();
      InventorySkew.Ratios ratios = InventorySkew.ratios(market.amount(book.position()),
          FixedPoint.microsToDouble(book.quoteBalanceMicros()), mid, settings.inventoryTargetBasePct() / 100,
          settings.totalOrderSize() * settings.inventoryRangeMultiplier());
      return Proposal.of(scaled(buys, ratios.bid(), market), scaled(sells, ratios.ask(), market));
    }
    return Proposal.of(usable(buys, market), usable(sells, market));
  }

  private static List<Proposal.Level> scaled(List<Proposal.Level> levels, double ratio, MarketView market) {
    return usable(levels.stream()
        .map(l -> new Proposal.Level(l.price(), market.sizeUnits(market.amount(l.size()) * ratio))).toList(), market);
  }

  private static List<Proposal.Level> usable(List<Proposal.Level> levels, MarketView market) {
    return levels.stream().filter(l -> l.price() > 0 && l.size() >= market.minSize()).toList();
  }
}
