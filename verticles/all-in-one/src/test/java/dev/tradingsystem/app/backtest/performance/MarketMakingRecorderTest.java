package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The recorder turns published messages into market-making numbers: fills converted from fixed
 * point, mids from quotes and features, and the same numbers whichever service's message arrived
 * first (fills and mids come from different services).
 */
class MarketMakingRecorderTest {

  private static final Instrument BTC = Instrument.newBuilder().setSymbol("BTC/USD").setPriceScale(2)
      .setSizeScale(8).build();

  private static Meta meta(long seq, long timeUs) {
    return Meta.newBuilder().setSeq(seq).setEventTimeUs(timeUs).build();
  }

  /** Quote 100.00/100.20 at seq 1; trade at seq 2 (book mid 100.10) fills a maker bid of 0.5 BTC at 100.00. */
  private static final Quote QUOTE = Quote.newBuilder().setMeta(meta(1, 0)).setInstrument(BTC)
      .setBidPrice(10_000).setAskPrice(10_020).build();
  private static final FeatureVector FEATURES = FeatureVector.newBuilder().setMeta(meta(2, 2_000_000))
      .setInstrument(BTC).setMid(100.10).setBestBid(100.0).setBestAsk(100.2).build();
  private static final FeatureVector LATER = FeatureVector.newBuilder().setMeta(meta(3, 3_500_000))
      .setInstrument(BTC).setMid(99.90).setBestBid(99.8).setBestAsk(100.0).build();

  private static Execution fill(String strategy) {
    return Execution.newBuilder().setMeta(meta(2, 2_000_000)).setStrategyId(strategy).setInstrument(BTC)
        .setSide(Side.BUY).setPrice(10_000).setQuantity(50_000_000).setFeeMicros(25_000)
        .setLiquidity(Liquidity.MAKER).build();
  }

  private static List<StrategyResult> record(List<Consumer<BacktestRecorder>> messages) {
    BacktestRecorder recorder = new BacktestRecorder();
    messages.forEach(m -> m.accept(recorder));
    return recorder.result().strategies();
  }

  @Test
  void aMakerFillIsMeasuredAgainstTheBookMidWhateverTheArrivalOrder() {
    List<StrategyResult> fillFirst = record(List.of(r -> r.onExecution(fill("hummingbot-mm.as-mm")),
        r -> r.onQuote(QUOTE), r -> r.onFeatures(FEATURES), r -> r.onFeatures(LATER)));
    List<StrategyResult> fillLast = record(List.of(r -> r.onQuote(QUOTE), r -> r.onFeatures(FEATURES),
        r -> r.onFeatures(LATER), r -> r.onExecution(fill("hummingbot-mm.as-mm"))));

    MarketMakingStats stats = fillFirst.get(0).marketMaking().orElseThrow();
    assertThat(fillLast.get(0).marketMaking()).contains(stats);
    FillEdge edge = stats.edge();
    assertThat(edge.makerFills()).isEqualTo(1);
    // Bought 0.5 at 100.00 under the mid 100.10: 0.05 earned, 10 bps of the 50.00 notional.
    assertThat(edge.spreadPnl()).isCloseTo(0.05, within(1e-9));
    assertThat(edge.spreadCaptureBps()).isCloseTo(10.0, within(1e-9));
    // One second later (3.0 s) the mid is still 100.10; the data ends at 3.5 s, before 10 s.
    assertThat(edge.markoutBps(0)).isCloseTo(0.0, within(1e-9));
    assertThat(edge.markoutFills()).containsExactly(1L, 0L, 0L);
    // Long 0.5 from 100.10 to the last mid 99.90.
    assertThat(edge.inventoryPnl()).isCloseTo(-0.1, within(1e-9));
    assertThat(edge.fees()).isCloseTo(0.025, within(1e-9));
    assertThat(stats.pairs().get("BTC/USD").inventory()).isEqualTo(new InventoryPath(0.5, 0, 0, 0.5, 0.5));
  }

  @Test
  void otherStrategiesGetNoMarketMakingNumbers() {
    List<StrategyResult> strategies = record(List.of(r -> r.onQuote(QUOTE),
        r -> r.onExecution(fill("freqtrade-hft.momentum"))));

    assertThat(strategies).singleElement().satisfies(s -> assertThat(s.marketMaking()).isEmpty());
  }
}
