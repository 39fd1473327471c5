package dev.tradingsystem.app.backtest.performance;

import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Listens to what a run produced — the fills and the portfolio's snapshot after every market
 * event — and keeps what the statistics need: the fills as round-trip trades, and a
 * mark-to-market equity curve per strategy and per strategy and pair (allocated capital +
 * realised + unrealised P&amp;L - fees, exactly as the portfolio books them). For market makers
 * ({@link MarketMakingStats#isMarketMaker}) it also keeps their fills and every symbol's mids (from
 * {@code features.tick} and {@code market.quotes}) for the {@link MarketMakingStats}.
 *
 * <p>Not thread-safe: feed it from one thread (one event-loop context).
 */
public final class BacktestRecorder {

  /** The allocation entry for strategies nobody configured; not a strategy. */
  private static final String DEFAULT_ALLOCATION = "*";
  private static final double MICROS = 1_000_000.0;

  private final TradeLedger ledger = new TradeLedger();
  private final Map<String, Double> capital = new TreeMap<>();
  private final Map<String, EquitySeries> strategyCurves = new HashMap<>();
  private final Map<String, Map<String, EquitySeries>> pairCurves = new HashMap<>();
  private final Map<String, Map<String, Long>> firstFills = new TreeMap<>();
  private final Map<String, List<LiquidityFill>> marketMakerFills = new TreeMap<>();
  private final Map<String, MidTape> mids = new TreeMap<>();
  private double defaultCapital;
  private long startUs = -1;
  private long endUs;
  private long rejected;

  /** One fill; fills without a strategy, side or quantity are counted and skipped. */
  public void onExecution(Execution execution) {
    if (execution.getStrategyId().isEmpty() || execution.getQuantity() <= 0
        || execution.getSide() == Side.SIDE_UNSPECIFIED || !execution.hasInstrument()) {
      rejected++;
      return;
    }
    firstFills.computeIfAbsent(execution.getStrategyId(), k -> new TreeMap<>())
        .putIfAbsent(execution.getInstrument().getSymbol(), execution.getMeta().getEventTimeUs());
    long notional = FixedPoint.notionalMicros(execution.getPrice(), execution.getQuantity(), execution.getInstrument());
    ledger.fill(execution.getStrategyId(), execution.getInstrument().getSymbol(), execution.getSide() == Side.BUY,
        execution.getQuantity(), notional, execution.getFeeMicros(), execution.getMeta().getEventTimeUs());
    if (MarketMakingStats.isMarketMaker(execution.getStrategyId())) {
      marketMakerFills.computeIfAbsent(execution.getStrategyId(), k -> new ArrayList<>()).add(new LiquidityFill(
          execution.getMeta().getSeq(), execution.getMeta().getEventTimeUs(), execution.getInstrument().getSymbol(),
          execution.getSide() == Side.BUY, execution.getLiquidity() == Liquidity.MAKER,
          FixedPoint.toDouble(execution.getPrice(), execution.getInstrument().getPriceScale()),
          FixedPoint.toDouble(execution.getQuantity(), execution.getInstrument().getSizeScale()),
          execution.getFeeMicros() / MICROS));
    }
  }

  /**
   * A tick's features: their mid is the book's where the feed carries one (best bid and ask set),
   * else the last trade price.
   */
  public void onFeatures(FeatureVector features) {
    if (!features.hasInstrument() || features.getTimeframeSec() != 0) {
      return;
    }
    boolean book = features.getBestBid() > 0 && features.getBestAsk() > 0;
    mids.computeIfAbsent(features.getInstrument().getSymbol(), k -> new MidTape())
        .observe(features.getMeta().getSeq(), features.getMeta().getEventTimeUs(), features.getMid(), book);
  }

  /** A top-of-book quote; a one-sided or crossed quote has no mid and is skipped. */
  public void onQuote(Quote quote) {
    if (!quote.hasInstrument() || quote.getBidPrice() <= 0 || quote.getAskPrice() < quote.getBidPrice()) {
      return;
    }
    int scale = quote.getInstrument().getPriceScale();
    double mid = (FixedPoint.toDouble(quote.getBidPrice(), scale) + FixedPoint.toDouble(quote.getAskPrice(), scale)) / 2;
    mids.computeIfAbsent(quote.getInstrument().getSymbol(), k -> new MidTape())
        .observe(quote.getMeta().getSeq(), quote.getMeta().getEventTimeUs(), mid, true);
  }

  /** The portfolio after one market event: one equity point per strategy and per strategy and pair. */
  public void onPortfolioState(PortfolioState state) {
    long time = state.getMeta().getEventTimeUs();
    if (startUs < 0) {
      startUs = time;
    }
    if (time < endUs) {
      rejected++;
      return;
    }
    endUs = time;
    for (StrategyAllocation allocation : state.getAllocationsList()) {
      double micros = allocation.getCapitalMicros() / MICROS;
      if (allocation.getStrategyId().equals(DEFAULT_ALLOCATION)) {
        defaultCapital = micros;
      } else {
        capital.putIfAbsent(allocation.getStrategyId(), micros);
      }
    }
    Map<String, Double> strategyPnl = new HashMap<>();
    for (Position p : state.getPositionsList()) {
      capital.putIfAbsent(p.getStrategyId(), defaultCapital);
      double pnl = (p.getRealizedPnlMicros() + p.getUnrealizedPnlMicros() - p.getFeesMicros()) / MICROS;
      strategyPnl.merge(p.getStrategyId(), pnl, Double::sum);
      curve(pairCurves.computeIfAbsent(p.getStrategyId(), k -> new TreeMap<>()), p.getInstrument().getSymbol(),
          capital.get(p.getStrategyId())).add(time, capital.get(p.getStrategyId()) + pnl);
    }
    for (Map.Entry<String, Double> c : capital.entrySet()) {
      curve(strategyCurves, c.getKey(), c.getValue()).add(time, c.getValue() + strategyPnl.getOrDefault(c.getKey(), 0.0));
    }
  }

  private EquitySeries curve(Map<String, EquitySeries> curves, String key, double startingCapital) {
    return curves.computeIfAbsent(key, k -> {
      EquitySeries series = new EquitySeries();
      // A curve that starts late was flat at its capital since the first event.
      series.add(startUs, startingCapital);
      return series;
    });
  }

  /** Event time of a strategy's first fill in each pair it filled in (closed trade or not), by pair. */
  public Map<String, Long> firstFills(String strategyId) {
    return Map.copyOf(firstFills.getOrDefault(strategyId, Map.of()));
  }

  /** Messages that could not be used (no strategy, out of time order). */
  public long rejected() {
    return rejected;
  }

  /** The statistics of every strategy that had capital or fills, by strategy id. */
  public BacktestResult result() {
    long start = Math.max(0, startUs);
    List<StrategyResult> strategies = new ArrayList<>();
    List<ClosedTrade> all = ledger.closedTrades();
    TreeMap<String, Double> ids = new TreeMap<>(capital);
    for (String id : ledger.strategies()) {
      ids.putIfAbsent(id, defaultCapital);
    }
    for (Map.Entry<String, Double> s : ids.entrySet()) {
      String id = s.getKey();
      double startingCapital = s.getValue();
      Map<String, PerformanceStats> pairs = new TreeMap<>();
      List<long[]> inMarket = new ArrayList<>();
      long fees = 0;
      long open = 0;
      for (String pair : ledger.pairs(id)) {
        List<ClosedTrade> trades = all.stream().filter(t -> t.strategyId().equals(id) && t.pair().equals(pair)).toList();
        List<long[]> pairInMarket = ledger.inMarket(id, pair, endUs);
        EquitySeries curve = pairCurves.getOrDefault(id, Map.of()).getOrDefault(pair, flat(start, startingCapital));
        pairs.put(pair, PerformanceStats.compute(trades, ledger.openTrades(id, pair), curve, startingCapital,
            pairInMarket, ledger.feesMicros(id, pair), start, endUs));
        inMarket.addAll(pairInMarket);
        fees += ledger.feesMicros(id, pair);
        open += ledger.openTrades(id, pair);
      }
      List<ClosedTrade> trades = all.stream().filter(t -> t.strategyId().equals(id)).toList();
      EquitySeries curve = strategyCurves.getOrDefault(id, flat(start, startingCapital));
      Optional<MarketMakingStats> marketMaking = MarketMakingStats.isMarketMaker(id)
          ? Optional.of(MarketMakingStats.of(marketMakerFills.getOrDefault(id, List.of()), mids))
          : Optional.empty();
      strategies.add(new StrategyResult(id, PerformanceStats.compute(trades, open, curve, startingCapital, inMarket,
          fees, start, endUs), pairs, curve, trades, marketMaking));
    }
    return new BacktestResult(start, endUs, strategies);
  }

  private static EquitySeries flat(long timeUs, double equity) {
    EquitySeries series = new EquitySeries();
    series.add(timeUs, equity);
    return series;
  }

  /**
   * One strategy: its statistics, per pair too, its equity curve, its closed trades and, for a
   * market maker, its market-making numbers.
   */
  public record StrategyResult(String strategyId, PerformanceStats stats, Map<String, PerformanceStats> pairs,
      EquitySeries curve, List<ClosedTrade> trades, Optional<MarketMakingStats> marketMaking) {

    /** A strategy without market-making numbers. */
    public StrategyResult(String strategyId, PerformanceStats stats, Map<String, PerformanceStats> pairs,
        EquitySeries curve, List<ClosedTrade> trades) {
      this(strategyId, stats, pairs, curve, trades, Optional.empty());
    }
  }

  /** Every strategy of a run, sorted by id, over the run's event-time span. */
  public record BacktestResult(long startUs, long endUs, List<StrategyResult> strategies) {
  }
}
