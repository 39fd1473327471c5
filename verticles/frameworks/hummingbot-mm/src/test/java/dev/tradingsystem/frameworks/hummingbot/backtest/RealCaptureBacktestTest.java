package dev.tradingsystem.frameworks.hummingbot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovMaker;
import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.ExecutionTimeframe;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.hummingbot.quoting.RefreshPolicy;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PmmSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PureMarketMaking;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The L2 replay backtest on a real capture: Binance spot BTCUSDT, 2024-08-08 23:54–00:00 UTC
 * (hftbacktest's raw collector output: one REST snapshot, 100 ms depth diffs, trades). Sizes are
 * kept at the capture's 8 decimals (some depth levels carry 6), orders at Binance's 0.00001 BTC lot.
 */
class RealCaptureBacktestTest {

  static final Instrument BTC_USDT = Instrument.newBuilder().setSymbol("BTC/USDT").setVenue("binance")
      .setPriceScale(2).setSizeScale(8).setTickSize(1).setLotSize(1_000).setMinSize(1_000).build();
  private static final long SECOND = 1_000_000L;
  private static final long CAPITAL = 100_000L * FixedPoint.MICROS;

  private static Path capture;
  private static BacktestReport pmmRun;
  private static AvellanedaStoikovMaker asMaker;
  private static BacktestReport asRun;

  /** Each replay takes about a second: the tests share one run per strategy. */
  @BeforeAll
  static void replay() throws IOException {
    capture = SharedDataLocator.require("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz");
    pmmRun = run(RealCaptureBacktestTest::pmm);
    asMaker = avellanedaStoikov();
    asRun = run(() -> asMaker);
  }

  /** Two 0.01 BTC levels 0.5 bp apart, 5 s refresh, hanging orders, no budget (it may go short). */
  private static QuotingStrategy pmm() {
    return new PureMarketMaking(new PmmSettings(0.005, 0.005, 2, 0.005, 0.01, 0, false, 50, 1, -1, -1),
        new CycleSettings(new RefreshPolicy(5 * SECOND, 0.002), 1800 * SECOND, 10 * SECOND, -100, true, 0.1, false));
  }

  /** γ 0.1, σ and κ estimated (30 s half-life, 120 s of trades), 10 s horizon, ±0.1 BTC. */
  private static AvellanedaStoikovMaker avellanedaStoikov() {
    return new AvellanedaStoikovMaker(new AvellanedaStoikovSettings(0.1, 1.5, true, 120, 10, 30, 30, 10,
        ExecutionTimeframe.infinite(), 0.001, 0, 0, 0.01, 0.1),
        new CycleSettings(new RefreshPolicy(2 * SECOND, 0.001), 1800 * SECOND, 5 * SECOND, -1, false, 10, false));
  }

  private static BacktestReport run(Supplier<QuotingStrategy> strategy) throws IOException {
    BacktestSettings settings = new BacktestSettings(BTC_USDT, CAPITAL, 1, 0, BacktestSettings.DEFAULT_MARKOUTS, 5, 50);
    try (BinanceCaptureReader reader = BinanceCaptureReader.open(capture, BTC_USDT)) {
      return new MarketMakingBacktest(settings).run(strategy.get(), reader);
    }
  }

  @Test
  void theCaptureReplaysCleanlyAndTwoRunsAreIdentical() throws IOException {
    BacktestReport first = pmmRun;
    BacktestReport second = run(RealCaptureBacktestTest::pmm);

    assertThat(second).isEqualTo(first);
    BacktestReport.Summary summary = first.summary();
    assertThat(summary.events()).as("1 snapshot, 3,451 depth diffs, 9,757 trades").isEqualTo(13_209);
    assertThat(summary.captureSkipped()).as("bookTicker lines").isEqualTo(28_040);
    assertThat(summary.captureMalformed()).isZero();
    assertThat(summary.bookGaps()).isZero();
    assertThat(summary.decisions()).as("every trade after the snapshot").isEqualTo(first.steps().size()).isGreaterThan(9_000);
    assertThat(summary.fills()).isPositive();
    assertThat(summary.strategyErrors()).isZero();
  }

  /**
   * At every decision, recomputed from the fills alone: cash = capital − Σ signed notional − fees,
   * position = Σ signed size, and equity = cash + position × (bid + ask)/2 to the micro.
   */
  @Test
  void cashPlusInventoryAtTheMidIsEquityAtEveryStep() {
    BacktestReport report = pmmRun;

    int next = 0;
    long cash = CAPITAL;
    long position = 0;
    long maxAbs = 0;
    for (BacktestReport.Step step : report.steps()) {
      while (next < report.fills().size() && report.fills().get(next).seq() <= step.seq()) {
        BacktestReport.FillRecord fill = report.fills().get(next++);
        long notional = FixedPoint.notionalMicros(fill.price(), fill.quantity(), BTC_USDT);
        cash -= (fill.side() == Side.BUY ? notional : -notional) + fill.feeMicros();
        position += fill.side() == Side.BUY ? fill.quantity() : -fill.quantity();
        maxAbs = Math.max(maxAbs, Math.abs(position));
      }
      BigDecimal mid = BigDecimal.valueOf(step.bestBid() + step.bestAsk(), 2).divide(BigDecimal.valueOf(2));
      long equity = cash + BigDecimal.valueOf(position, 8).multiply(mid).movePointRight(6)
          .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
      assertThat(step.cashMicros()).as("cash at seq %d", step.seq()).isEqualTo(cash);
      assertThat(step.position()).as("position at seq %d", step.seq()).isEqualTo(position);
      assertThat(step.equityMicros()).as("equity at seq %d", step.seq()).isEqualTo(equity);
      assertThat(step.bestBid()).isLessThan(step.bestAsk());
    }
    BacktestReport.Summary summary = report.summary();
    assertThat(summary.finalPosition()).isEqualTo(position)
        .isEqualTo(summary.boughtQuantity() - summary.soldQuantity());
    assertThat(summary.maxAbsPosition()).isGreaterThanOrEqualTo(maxAbs);
    assertThat(summary.pnlMicros()).isEqualTo(summary.finalEquityMicros() - summary.initialEquityMicros());
    assertThat(summary.feesMicros()).isEqualTo(report.fills().stream().mapToLong(BacktestReport.FillRecord::feeMicros).sum())
        .isPositive();
  }

  /** Spread captured and mark-outs recomputed per fill agree with the summary. */
  @Test
  void markOutsAgreeWithTheFills() {
    BacktestReport report = asRun;

    double captured = 0;
    double oneSecond = 0;
    for (BacktestReport.FillRecord fill : report.fills()) {
      double sign = fill.side() == Side.BUY ? 1 : -1;
      double price = fill.price() / 100.0;
      double btc = fill.quantity() / 1e8;
      captured += sign * (fill.midAtFill() - price) * btc;
      if (!fill.midsAfter().get(0).isNaN()) {
        oneSecond += sign * (fill.midsAfter().get(0) - price) * btc;
      }
    }
    assertThat(report.fills()).isNotEmpty();
    assertThat(report.summary().spreadCapturedMicros()).isEqualTo(Math.round(captured * 1e6));
    assertThat(report.summary().markoutMicros().get(0)).isEqualTo(Math.round(oneSecond * 1e6));
    assertThat(report.fills()).allSatisfy(f -> assertThat(f.midAtFill()).isBetween(50_000.0, 70_000.0));
  }

  @Test
  void avellanedaStoikovEstimatesVolatilityAndIntensityFromTheCapture() {
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) asMaker.status().get("BTC/USDT");
    assertThat(status).containsEntry("sigmaEstimated", true).containsEntry("kappaEstimated", true);
    // BTC at ~61,800 moves a few dollars a second; trades reach tens of dollars into the book.
    assertThat((double) status.get("sigma")).isBetween(0.5, 50.0);
    assertThat((double) status.get("kappa")).isBetween(0.001, 10.0);
    assertThat((double) status.get("alpha")).isPositive();
  }
}
