package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAction;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.proto.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A desk pausing a strategy after 3 errors within its last 10 calls (an observation and a decision per tick). */
class QuotingDeskTest {

  /** Quotes one bid per tick, or throws on the ticks the predicate names. */
  private static final class Scripted implements QuotingStrategy {
    private final String id;
    private final String symbol;
    private final LongPredicate throwsOn;
    private final QuoteIntents intents;

    Scripted(String name, String symbol, LongPredicate throwsOn) {
      this.id = "hummingbot-mm." + name;
      this.symbol = symbol;
      this.throwsOn = throwsOn;
      this.intents = new QuoteIntents(id);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean trades(String s) {
      return symbol.equals(s);
    }

    @Override
    public void observe(FeatureVector features) {
    }

    @Override
    public List<OrderIntent> onTick(QuotingContext context) {
      if (throwsOn.test(context.consensus().getMeta().getSeq())) {
        throw new IllegalStateException("model diverged");
      }
      return List.of(intents.quote(context.consensus().getMeta(), Fixtures.BTC_USD, Side.BUY, 99_000, 1_000_000,
          100_000, "quote"));
    }

    @Override
    public QuoteIntents intents() {
      return intents;
    }
  }

  private final List<String> faults = new ArrayList<>();

  private QuotingDesk desk(QuotingStrategy... strategies) {
    return new QuotingDesk(List.of(strategies), 3, 10, new AlertGuard(2, 60_000_000L),
        (id, error, paused) -> faults.add(id + (paused ? " paused" : " error")));
  }

  private static List<OrderIntent> tick(QuotingDesk desk, long seq, PortfolioState state) {
    Consensus consensus = Fixtures.neutral(seq, 1000);
    desk.observe(consensus);
    return desk.decide(consensus, state, TradingState.ACTIVE);
  }

  @ParameterizedTest(name = "throws on every {0}th tick -> paused {1} after {2} ticks")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      throws every nth tick | paused | errors after 20 ticks
      1                     | true   | 3
      2                     | true   | 3
      4                     | false  | 5
      21                    | false  | 0
      """)
  void aStrategyIsPausedOnlyWhenItThrowsRepeatedly(long every, boolean paused, long errors) {
    QuotingDesk desk = desk(new Scripted("flaky", "BTC/USD", seq -> seq % every == 0));
    for (long seq = 1; seq <= 20; seq++) {
      tick(desk, seq, Fixtures.state(seq));
    }

    StrategyHealth.Snapshot health = desk.report().get("hummingbot-mm.flaky").health();
    assertThat(health.paused()).isEqualTo(paused);
    assertThat(health.errors()).isEqualTo(errors);
    assertThat(desk.errors()).isEqualTo(errors);
  }

  @Test
  void aBrokenStrategyIsPausedAndItsQuotesWithdrawnWhileTheOthersKeepTrading() {
    Scripted broken = new Scripted("broken", "BTC/USD", seq -> seq >= 2);
    Scripted healthy = new Scripted("healthy", "BTC/USD", seq -> false);
    QuotingDesk desk = desk(broken, healthy);

    List<OrderIntent> first = tick(desk, 1, Fixtures.state(1));
    assertThat(first).extracting(OrderIntent::getIntentId)
        .containsExactly("hummingbot-mm.broken-1", "hummingbot-mm.healthy-1");
    PortfolioState resting = Fixtures.state(2).toBuilder()
        .addOpenOrders(Fixtures.quote("o-hummingbot-mm.broken-1", "hummingbot-mm.broken", Side.BUY, 99_000)).build();
    List<List<OrderIntent>> later = new ArrayList<>();
    for (long seq = 2; seq <= 6; seq++) {
      later.add(tick(desk, seq, resting.toBuilder().setMeta(Fixtures.meta(seq)).build()));
    }

    assertThat(later.get(0)).extracting(OrderIntent::getStrategyId).containsExactly("hummingbot-mm.healthy");
    assertThat(later.get(1)).extracting(OrderIntent::getStrategyId).containsExactly("hummingbot-mm.healthy");
    assertThat(later.get(2)).as("third error: paused, its quote cancelled with its own next id")
        .extracting(OrderIntent::getIntentId, OrderIntent::getKind)
        .containsExactly(org.assertj.core.api.Assertions.tuple("hummingbot-mm.broken-2", IntentKind.CANCEL_ORDER),
            org.assertj.core.api.Assertions.tuple("hummingbot-mm.healthy-4", IntentKind.NEW_ORDER));
    assertThat(later.get(3)).as("each quote is withdrawn once").extracting(OrderIntent::getStrategyId)
        .containsExactly("hummingbot-mm.healthy");
    assertThat(later.get(4)).hasSize(1);
    assertThat(faults).containsExactly("hummingbot-mm.broken error", "hummingbot-mm.broken error",
        "hummingbot-mm.broken paused");
    QuotingDesk.StrategyReport report = desk.report().get("hummingbot-mm.broken");
    assertThat(report.health().paused()).isTrue();
    assertThat(report.health().pauseReason()).contains("3 errors", "model diverged");
    assertThat(desk.report().get("hummingbot-mm.healthy").health().errors()).isZero();
    assertThat(desk.report().get("hummingbot-mm.healthy").intents()).isEqualTo(6);
  }

  @Test
  void anOperatorPausesAndResumesAStrategyByItsId() {
    QuotingDesk desk = desk(new Scripted("a", "BTC/USD", seq -> false), new Scripted("b", "BTC/USD", seq -> false));

    assertThat(desk.command(command("hummingbot-mm.a", StrategyAction.PAUSE))).isNull();
    List<OrderIntent> paused = tick(desk, 1, Fixtures.state(1));
    assertThat(desk.command(command("hummingbot-mm.a", StrategyAction.RESUME))).isNull();
    List<OrderIntent> resumed = tick(desk, 2, Fixtures.state(2));

    assertThat(paused).extracting(OrderIntent::getStrategyId).containsExactly("hummingbot-mm.b");
    assertThat(resumed).extracting(OrderIntent::getStrategyId).containsExactly("hummingbot-mm.a", "hummingbot-mm.b");
    assertThat(desk.command(command("hummingbot-mm.nope", StrategyAction.PAUSE))).isEqualTo("unknown-strategy");
    assertThat(desk.command(command("freqtrade-hft.momentum", StrategyAction.PAUSE))).as("not ours").isNull();
    assertThat(desk.command(command("hummingbot-mm.a", StrategyAction.STRATEGY_ACTION_UNSPECIFIED)))
        .isEqualTo("invalid-strategy-action");
  }

  private static StrategyCommand command(String strategy, StrategyAction action) {
    return StrategyCommand.newBuilder().setStrategyId(strategy).setAction(action).setOperatorId("alice")
        .setReason("test").build();
  }

  @Test
  void eachSymbolGoesOnlyToTheStrategiesThatTradeIt() {
    QuotingDesk desk = desk(new Scripted("eth", "ETH/USD", seq -> true), new Scripted("btc", "BTC/USD", seq -> false));

    List<OrderIntent> intents = tick(desk, 1, Fixtures.state(1));

    assertThat(intents).extracting(OrderIntent::getStrategyId).containsExactly("hummingbot-mm.btc");
    assertThat(desk.errors()).isZero();
    assertThat(desk.strategyIds()).containsExactly("hummingbot-mm.eth", "hummingbot-mm.btc");
  }

  @Test
  void alertsAreHeldOnEventTimeAndReachTheStrategies() {
    List<MarketStance> seen = new ArrayList<>();
    QuotingDesk desk = desk(new QuotingStrategy() {
      private final QuoteIntents ids = new QuoteIntents("hummingbot-mm.rec");

      @Override
      public String id() {
        return ids.strategyId();
      }

      @Override
      public List<OrderIntent> onTick(QuotingContext context) {
        seen.add(context.stance());
        return List.of();
      }

      @Override
      public QuoteIntents intents() {
        return ids;
      }
    });
    tick(desk, 1, Fixtures.state(1));
    desk.onAlert(RiskAlert.newBuilder().setSeverity(AlertSeverity.WARNING).setCode("STALE_MARKET_DATA")
        .setSymbol("BTC/USD").build());
    tick(desk, 2, Fixtures.state(2));
    tick(desk, 100, Fixtures.state(100));

    assertThat(seen).extracting(MarketStance::spreadFactor).containsExactly(1.0, 2.0, 1.0);
  }
}
