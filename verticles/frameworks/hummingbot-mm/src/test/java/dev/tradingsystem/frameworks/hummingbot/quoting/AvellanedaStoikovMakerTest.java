package dev.tradingsystem.frameworks.hummingbot.quoting;

import static dev.tradingsystem.frameworks.hummingbot.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.hummingbot.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.frameworks.hummingbot.quoting.estimate.TradeIntensityEstimator;
import dev.tradingsystem.frameworks.hummingbot.quoting.estimate.VolatilityEstimator;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.TradingState;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Defaults: γ 0.1, κ 1.5 (estimated when a book allows), 60 s horizon, 0.1 % minimum spread, 0.05
 * BTC quotes, max inventory 1 BTC, flat target, refresh every 10 s. The fixtures' features give
 * σ² = 0.5 per second until the strategy's own estimate is ready, so at mid 1000 γσ²T = 3 and a
 * flat book quotes r ± 4.2907704228/2: 997.85 / 1002.15 after rounding away from the mid.
 */
class AvellanedaStoikovMakerTest {

  private static final long SECOND = 1_000_000L;
  private static final String ME = AvellanedaStoikovMaker.ID;

  private static AvellanedaStoikovSettings settings(ExecutionTimeframe timeframe, double targetBasePct) {
    return new AvellanedaStoikovSettings(0.1, 1.5, true, 300, 20, 60, 30, 60, timeframe, 0.1, 5, targetBasePct, 0.05, 1);
  }

  private static CycleSettings cycle() {
    return new CycleSettings(new RefreshPolicy(10 * SECOND, 0), 1800 * SECOND, 60 * SECOND, -1, false, 10, false);
  }

  private static AvellanedaStoikovMaker maker(ExecutionTimeframe timeframe, double targetBasePct) {
    return new AvellanedaStoikovMaker(settings(timeframe, targetBasePct), cycle());
  }

  private final AvellanedaStoikovMaker maker = maker(ExecutionTimeframe.infinite(), 0);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(AvellanedaStoikovMaker maker) {
    return (Map<String, Object>) maker.status().get(BTC_USD.getSymbol());
  }

  @Test
  void aFlatBookGetsATwoSidedPostOnlyQuote() {
    List<OrderIntent> intents = maker.onTick(new QuotingContext(Fixtures.neutral(1, 1000), StrategyBook.EMPTY,
        TradingState.ACTIVE));

    assertThat(intents).extracting(OrderIntent::getSide).containsExactly(Side.BUY, Side.SELL);
    assertThat(intents).extracting(OrderIntent::getPrice).containsExactly(99_785L, 100_215L);
    assertThat(intents).extracting(OrderIntent::getIntentId).containsExactly(ME + "-1", ME + "-2");
    assertThat(intents).allSatisfy(i -> {
      assertThat(i.getKind()).isEqualTo(IntentKind.NEW_ORDER);
      assertThat(i.getType()).isEqualTo(OrderType.LIMIT);
      assertThat(i.getTimeInForce()).isEqualTo(TimeInForce.POST_ONLY);
      assertThat(i.getQuantity()).isEqualTo(5_000_000);
      assertThat(i.getStrategyId()).isEqualTo(ME);
      assertThat(i.getInstrument()).isEqualTo(BTC_USD);
      assertThat(i.getReferencePrice()).isEqualTo(100_000);
      assertThat(i.getMeta().getTraceId()).isEqualTo("t-1");
      assertThat(i.getMeta().getSeq()).isEqualTo(1);
    });
    assertThat(status(maker)).containsEntry("reservationPrice", 1000.0).containsEntry("kappa", 1.5)
        .containsEntry("kappaEstimated", false).containsEntry("sigmaEstimated", false);
  }

  @ParameterizedTest(name = "holding {0} BTC -> {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      position btc | intents
      0            | +bid 997.85 0.05; +ask 1002.15 0.05
      0.5          | +bid 996.35 0.05; +ask 1000.65 0.05
      0.95         | +bid 995.00 0.05; +ask 1000.50 0.05
      0.95000001   | +ask 1000.50 0.05
      1.5          | +ask 1000.50 0.05
      -0.95        | +bid 999.50 0.05; +ask 1005.00 0.05
      -0.95000001  | +bid 999.50 0.05
      """)
  void inventorySkewsTheQuotesAndTheSideThatWouldBreachMaxInventoryIsNotQuoted(double position, String intents) {
    QuoteScenario scenario = new QuoteScenario(maker, 0).holding(position, 0);

    assertThat(scenario.tick(1, 1000, "")).isEqualTo(intents);
  }

  @Test
  void belowATargetHoldingTheMakerLeansToBuy() {
    // Target 50 % of 10,000 USD at 1000 = 5 BTC: q = −5, r = 1000 + 5 · 3 = 1015; the bid is held at
    // the inside (mid − half the 0.1 % floor) so the post-only order does not cross.
    QuoteScenario scenario = new QuoteScenario(maker(ExecutionTimeframe.infinite(), 50), usd(10_000));

    assertThat(scenario.tick(1, 1000, "")).isEqualTo("+bid 999.50 0.05; +ask 1017.15 0.05");
  }

  /**
   * A finite timeframe scales T − t: a window of 100 s from T0 leaves the whole 60 s horizon at the
   * start (δ = 3 + 1.2907704228), half of it half-way (δ = 1.5 + 1.29077), and nothing is quoted
   * outside it. A daily window 00:00–00:10 UTC does the same within each day (T0 is midnight).
   */
  @ParameterizedTest(name = "{0} at +{1} s -> spread {2}, {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      timeframe          | seconds after T0 | spread       | intents
      infinite           | 86400            | 4.2907704228 | +bid 997.85 0.05; +ask 1002.15 0.05
      from-date-to-date  | 0                | 4.2907704228 | +bid 997.85 0.05; +ask 1002.15 0.05
      from-date-to-date  | 50               | 2.7907704228 | +bid 998.60 0.05; +ask 1001.40 0.05
      from-date-to-date  | 100              | 0            |
      from-date-to-date  | -1               | 0            |
      daily              | 300              | 2.7907704228 | +bid 998.60 0.05; +ask 1001.40 0.05
      daily              | 86700            | 2.7907704228 | +bid 998.60 0.05; +ask 1001.40 0.05
      daily              | 900              | 0            |
      """)
  void theExecutionTimeframeScalesTheHorizonAndBoundsQuoting(String timeframe, long seconds, double spread,
      String intents) {
    Instant start = Instant.ofEpochSecond(Fixtures.T0_US / SECOND);
    ExecutionTimeframe frame = switch (timeframe) {
      case "infinite" -> ExecutionTimeframe.infinite();
      case "daily" -> ExecutionTimeframe.daily(LocalTime.MIDNIGHT, LocalTime.of(0, 10));
      default -> ExecutionTimeframe.between(start, start.plusSeconds(100));
    };
    AvellanedaStoikovMaker finite = maker(frame, 0);

    assertThat(new QuoteScenario(finite, 0).tick(seconds, 1000, "")).isEqualTo(intents == null ? "" : intents);
    if (spread > 0) {
      assertThat((double) status(finite).get("spread")).isCloseTo(spread, within(1e-9));
    }
  }

  @Test
  void leavingTheTimeframeCancelsTheRestingQuotes() {
    Instant start = Instant.ofEpochSecond(Fixtures.T0_US / SECOND);
    QuoteScenario scenario = new QuoteScenario(maker(ExecutionTimeframe.between(start, start.plusSeconds(20)), 0), 0);

    scenario.play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 997.85 0.05; +ask 1002.15 0.05
        10     | 1000 |      | -bid 997.85; -ask 1002.15; +bid 998.60 0.05; +ask 1001.40 0.05
        20     | 1000 |      | -bid 998.60; -ask 1001.40
        """);
  }

  @ParameterizedTest
  @EnumSource(value = TradingState.class, names = {"HALTED", "REDUCING"})
  void aFlatBookOutsideActiveTradingCancelsAndQuotesNothing(TradingState state) {
    QuoteScenario scenario = new QuoteScenario(maker, 0);
    scenario.tick(0, 1000, "");

    assertThat(scenario.state(state).tick(1, 1000, "")).isEqualTo("-bid 997.85; -ask 1002.15");
    assertThat(scenario.tick(20, 1000, "")).isEmpty();
  }

  @Test
  void itsOwnVolatilityEstimateReplacesTheFeaturesOnceReady() {
    VolatilityEstimator reference = new VolatilityEstimator(60, 30);
    for (int second = 0; second <= 40; second++) {
      double mid = second % 2 == 0 ? 1000 : 1001;
      Consensus consensus = Fixtures.at(second + 1, second * SECOND, mid);
      maker.observe(consensus.getFeatures());
      reference.onMid(second * SECOND, mid);
    }
    maker.onTick(new QuotingContext(Fixtures.at(42, 40 * SECOND, 1000), StrategyBook.EMPTY, TradingState.ACTIVE));

    double sigma = reference.priceSigmaPerSqrtSecond(1000);
    assertThat(status(maker)).containsEntry("sigmaEstimated", true);
    assertThat((double) status(maker).get("sigma")).isCloseTo(sigma, within(1e-12));
    assertThat((double) status(maker).get("spread"))
        .isCloseTo(0.1 * sigma * sigma * 60 + 20 * Math.log1p(0.1 / 1.5), within(1e-9));
  }

  @Test
  void kappaIsEstimatedFromTradesAgainstTheBookAndOnlyThere() {
    TradeIntensityEstimator reference = new TradeIntensityEstimator(300, AvellanedaStoikovSettings.INTENSITY_LEVELS, 20);
    AvellanedaStoikovMaker noBook = maker(ExecutionTimeframe.infinite(), 0);
    for (int i = 0; i < 200; i++) {
      double distance = 0.01 * (1 + i % 10) * (1 + i % 3);
      Consensus consensus = Fixtures.withBook(i + 1, 999.99, 1000.01);
      Consensus traded = consensus.toBuilder().setFeatures(consensus.getFeatures().toBuilder()
          .setPrice(1000 + (i % 2 == 0 ? distance : -distance))).build();
      maker.observe(traded.getFeatures());
      noBook.observe(Fixtures.neutral(i + 1, 1000).getFeatures());
      reference.onTrade(traded.getMeta().getEventTimeUs(), traded.getFeatures().getPrice(), 1000);
    }
    maker.onTick(new QuotingContext(Fixtures.withBook(201, 999.99, 1000.01), StrategyBook.EMPTY, TradingState.ACTIVE));
    noBook.onTick(new QuotingContext(Fixtures.neutral(201, 1000), StrategyBook.EMPTY, TradingState.ACTIVE));

    assertThat(status(maker)).containsEntry("kappaEstimated", true)
        .containsEntry("kappa", reference.estimate().orElseThrow().kappa());
    assertThat(status(noBook)).containsEntry("kappaEstimated", false).containsEntry("kappa", 1.5);
  }

  @Test
  void onlyItsSymbolsAreTraded() {
    AvellanedaStoikovMaker btcOnly = new AvellanedaStoikovMaker("hummingbot-mm.btc", Set.of("BTC/USD"),
        settings(ExecutionTimeframe.infinite(), 0), cycle());

    assertThat(btcOnly.trades("BTC/USD")).isTrue();
    assertThat(btcOnly.trades("ETH/USD")).isFalse();
    assertThat(maker.trades("ETH/USD")).isTrue();
  }
}
