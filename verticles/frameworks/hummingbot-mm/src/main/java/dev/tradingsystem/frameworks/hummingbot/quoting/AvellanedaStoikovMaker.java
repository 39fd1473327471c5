package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.frameworks.hummingbot.quoting.estimate.TradeIntensityEstimator;
import dev.tradingsystem.frameworks.hummingbot.quoting.estimate.VolatilityEstimator;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hummingbot's Avellaneda–Stoikov market maker ({@code hummingbot-mm.as-mm} by default): one bid
 * and one ask around the reservation price per symbol, managed by the shared {@link QuoteCycle}.
 * <ul>
 *   <li>σ is estimated from the symbol's own mid returns ({@link VolatilityEstimator}); until it is
 *       ready the features' per-tick volatility stands in;</li>
 *   <li>κ is estimated from trade distances to the mid ({@link TradeIntensityEstimator}) when
 *       enabled and the market has a book; otherwise, and until the fit holds, the configured κ;</li>
 *   <li>T − t is the horizon times the fraction of the execution timeframe left; outside the
 *       timeframe nothing is quoted;</li>
 *   <li>q is the position minus the target base holding; a side whose fill would take |position|
 *       beyond {@code maxInventory} is not quoted;</li>
 *   <li>a quorum consensus leans the reservation price; a WARNING alert widens the spread.</li>
 * </ul>
 * Not thread-safe: one owner.
 */
public final class AvellanedaStoikovMaker extends SymbolScopedStrategy {

  public static final String NAME = "as-mm";
  public static final String ID = ServiceNames.HUMMINGBOT + "." + NAME;

  private final AvellanedaStoikovSettings settings;
  private final CycleSettings cycle;
  private final QuotePricer pricer;
  private final Map<String, Market> markets = new TreeMap<>();

  /** The default strategy ({@link #ID}) on every symbol. */
  public AvellanedaStoikovMaker(AvellanedaStoikovSettings settings, CycleSettings cycle) {
    this(ID, Set.of(), settings, cycle);
  }

  /** @param symbols the symbols quoted; empty quotes every symbol */
  public AvellanedaStoikovMaker(String id, Set<String> symbols, AvellanedaStoikovSettings settings, CycleSettings cycle) {
    super(id, symbols);
    this.settings = settings;
    this.cycle = cycle;
    this.pricer = new QuotePricer(settings.riskFactor(), settings.minSpreadPct(), settings.consensusSkewBps());
  }

  @Override
  public void observe(FeatureVector features) {
    Market market = market(features.getInstrument().getSymbol());
    long time = features.getMeta().getEventTimeUs();
    double mid = features.getMid() > 0 ? features.getMid() : features.getPrice();
    market.volatility.onMid(time, mid);
    if (features.getBestBid() > 0 && features.getBestAsk() > 0) {
      market.intensity.onTrade(time, features.getPrice(), mid);
    }
  }

  @Override
  public List<OrderIntent> onTick(QuotingContext context) {
    Market market = market(context.consensus().getFeatures().getInstrument().getSymbol());
    return market.cycle.run(context, market);
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    markets.forEach((symbol, market) -> status.put(symbol, market.status()));
    return status;
  }

  private Market market(String symbol) {
    return markets.computeIfAbsent(symbol, s -> new Market());
  }

  /** One symbol: its estimators, its order management and the last plan (for the stats page). */
  private final class Market implements ProposalSource {

    final VolatilityEstimator volatility =
        new VolatilityEstimator(settings.volatilityHalfLifeSeconds(), settings.volatilityMinSamples());
    final TradeIntensityEstimator intensity = new TradeIntensityEstimator(settings.intensityWindowSeconds(),
        AvellanedaStoikovSettings.INTENSITY_LEVELS, settings.intensityMinTrades());
    final QuoteCycle cycle = new QuoteCycle(AvellanedaStoikovMaker.this.cycle, intents());
    double sigma;
    double kappa = settings.kappa();
    boolean kappaEstimated;
    QuotePricer.Plan plan;

    @Override
    public Proposal propose(QuotingContext context, MarketView view) {
      OptionalDouble left = settings.timeframe().fractionLeft(view.nowUs());
      if (left.isEmpty()) {
        return Proposal.withdraw("outside execution timeframe " + settings.timeframe());
      }
      Consensus consensus = context.consensus();
      FeatureVector features = consensus.getFeatures();
      sigma = volatility.ready() ? volatility.priceSigmaPerSqrtSecond(view.mid())
          : AvellanedaStoikov.sigmaFromFeatures(view.mid(), features.getVolatility(), features.getTradeRate(),
              settings.horizonSeconds());
      kappaEstimated = false;
      kappa = settings.kappa();
      if (settings.estimateKappa()) {
        intensity.estimate().ifPresent(estimate -> {
          kappa = estimate.kappa();
          kappaEstimated = true;
        });
      }
      StrategyBook book = context.book();
      plan = pricer.price(new QuotePricer.Inputs(view.mid(), inventory(book, view), sigma,
          settings.horizonSeconds() * left.getAsDouble(), kappa,
          consensus.getQuorum() ? consensus.getScore() : 0, context.stance().spreadFactor()));
      long amount = view.sizeUnits(settings.orderAmount());
      long limit = view.sizeUnits(settings.maxInventory());
      if (amount < view.minSize()) {
        return Proposal.of(List.of(), List.of());
      }
      long bid = view.bidUnits(plan.bid());
      long ask = view.askUnits(plan.ask());
      List<Proposal.Level> buys = bid > 0 && book.position() + amount <= limit
          ? List.of(new Proposal.Level(bid, amount)) : List.of();
      List<Proposal.Level> sells = ask > 0 && book.position() - amount >= -limit
          ? List.of(new Proposal.Level(ask, amount)) : List.of();
      return Proposal.of(buys, sells);
    }

    /** q: base units held minus the target share of the strategy's value. */
    private double inventory(StrategyBook book, MarketView view) {
      double held = view.amount(book.position());
      double value = FixedPoint.microsToDouble(book.quoteBalanceMicros()) + held * view.mid();
      double target = settings.inventoryTargetBasePct() / 100 * Math.max(0, value) / view.mid();
      return held - target;
    }

    Map<String, Object> status() {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("sigma", sigma);
      status.put("sigmaEstimated", volatility.ready());
      status.put("kappa", kappa);
      status.put("kappaEstimated", kappaEstimated);
      intensity.estimate().ifPresent(estimate -> status.put("alpha", estimate.alpha()));
      if (plan != null) {
        status.put("reservationPrice", plan.reservationPrice());
        status.put("spread", plan.spread());
      }
      status.put("hangingOrders", cycle.hangingOrders().size());
      return status;
    }
  }
}
