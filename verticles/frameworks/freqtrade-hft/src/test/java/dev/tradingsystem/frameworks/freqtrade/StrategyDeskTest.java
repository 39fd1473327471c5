package dev.tradingsystem.frameworks.freqtrade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeContext;
import dev.tradingsystem.frameworks.runtime.RiskWatch;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The desk without Vert.x: several strategies on one feed, each with its own ids, and a strategy
 * whose callback throws still getting its stoploss. One tick a minute; an order fills on the next tick.
 */
class StrategyDeskTest {

  /** Enters on every row; its custom_exit has a bug that shows once the trade is open. */
  private static final Strategies CATALOG = Strategies.builtIn()
      .with("always", ParameterSpace.EMPTY, p -> ScriptedStrategy.alwaysLong())
      .with("buggy-exit", ParameterSpace.EMPTY, p -> new ScriptedStrategyWithBuggyExit());

  private static StrategyDesk desk(String strategiesJson) {
    FreqtradeConfig config = FreqtradeConfig.from(ConfigReader.of(new JsonObject()
        .put("frameworks", new JsonObject().put("freqtrade", new JsonObject()
            .put("maxStrategyErrors", 2).put("strategyErrorWindow", 10)
            .put("strategies", new JsonObject(strategiesJson))))
        .put(ConfigReader.ENV_KEY, new JsonObject())), CATALOG);
    List<StrategyBot> bots = config.strategies().stream().map(s -> new StrategyBot(s, 2, 10)).toList();
    return new StrategyDesk(bots, TradingClock.eventTime(), new RiskWatch(300_000_000L));
  }

  private static List<String> play(StrategyDesk desk, double... prices) {
    PaperFills paper = new PaperFills("0");
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < prices.length; i++) {
      long seq = i + 1;
      long now = T0_US + seq * MINUTE_US;
      PortfolioState state = paper.tick(seq, now, FixedPoint.toUnits(prices[i], 2));
      Consensus row = Fixtures.flat(seq, now, prices[i]);
      desk.observe(row);
      List<OrderIntent> intents = desk.decide(row, state);
      paper.submit(intents);
      intents.forEach(intent -> sent.add(seq + " " + intent.getIntentId() + " " + intent.getReason()));
    }
    return sent;
  }

  @Test
  void eachStrategyDecidesOnTheSameRowWithItsOwnIds() {
    StrategyDesk desk = desk("""
        {"b": {"strategy": "always", "stoploss": -0.01}, "a": {"strategy": "always", "stoploss": -0.02}}""");

    // Both bought at 1000 on tick 2: b (1 %) is stopped at 990, a (2 %) at 980; b is flat again on tick 4.
    assertThat(play(desk, 1000, 1000, 990, 980)).containsExactly(
        "1 freqtrade-hft.a-1 entry:scripted",
        "1 freqtrade-hft.b-1 entry:scripted",
        "3 freqtrade-hft.b-2 exit:stop_loss",
        "4 freqtrade-hft.a-2 exit:stop_loss",
        "4 freqtrade-hft.b-3 entry:scripted");
  }

  @Test
  void aStrategyWhoseCallbackThrowsIsPausedAndItsTradeStillStopsOut() {
    StrategyDesk desk = desk("""
        {"buggy": {"strategy": "buggy-exit", "stoploss": -0.02}, "fine": {"strategy": "always", "stoploss": -0.02}}""");

    List<String> sent = play(desk, 1000, 1000, 995, 990, 980, 1000);

    assertThat(sent).containsExactly(
        "1 freqtrade-hft.buggy-1 entry:scripted",
        "1 freqtrade-hft.fine-1 entry:scripted",
        "5 freqtrade-hft.buggy-2 exit:stop_loss",
        "5 freqtrade-hft.fine-2 exit:stop_loss",
        "6 freqtrade-hft.fine-3 entry:scripted");
    StrategyBot buggy = desk.bots().get(0);
    assertThat(buggy.errors()).as("ticks 2 and 3 threw; paused, so not asked again").isEqualTo(2);
    assertThat(buggy.paused()).isTrue();
    assertThat(buggy.pausedReason()).contains("custom_exit bug");
    assertThat(desk.bots().get(1).errors()).isZero();
  }

  /** Like {@link ScriptedStrategy#alwaysLong()}, but custom_exit throws. */
  private static final class ScriptedStrategyWithBuggyExit extends DelegatingStrategy {

    ScriptedStrategyWithBuggyExit() {
      super(ScriptedStrategy.alwaysLong());
    }

    @Override
    public Optional<String> customExit(TradeContext context) {
      throw new ArithmeticException("custom_exit bug at " + context.currentRate());
    }

    @Override
    public Optional<BigDecimal> customStoploss(TradeContext context) {
      return Optional.empty();
    }
  }
}
