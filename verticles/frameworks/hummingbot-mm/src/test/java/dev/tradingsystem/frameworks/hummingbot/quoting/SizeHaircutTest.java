package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coordinator's size haircut h on a market maker's quotes, as a trader reads it: the haircut,
 * the strategy's inventory, and the bid and ask amounts that are quoted (BTC, best level first;
 * blank: none), with how many quotes the haircut cut and how many it skipped.
 */
class SizeHaircutTest {

  /** BTC/USD in 0.001 BTC lots with a 0.01 BTC minimum, so rounding and the minimum both show. */
  private static final Instrument LOTS = Fixtures.BTC_USD.toBuilder().setLotSize(100_000).setMinSize(1_000_000).build();
  private static final MarketView MARKET = new MarketView(LOTS, Fixtures.T0_US, 1000, 0, 0, 100_000);
  /** Two levels a side: 0.1 then 0.15 BTC. */
  private static final Proposal TWO_LEVELS = Proposal.of(
      List.of(new Proposal.Level(99_000, 10_000_000), new Proposal.Level(98_500, 15_000_000)),
      List.of(new Proposal.Level(101_000, 10_000_000), new Proposal.Level(101_500, 15_000_000)));

  @ParameterizedTest(name = "haircut {0}, inventory {1} BTC -> bids [{2}] asks [{3}], cut {4}, skipped {5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      haircut | inventory | bids         | asks         | cut | skipped
      0       | 0         | 0.1 0.15     | 0.1 0.15     | 0   | 0
      0.5     | 0         | 0.05 0.075   | 0.05 0.075   | 4   | 0
      0.3     | 0.2       | 0.07 0.105   | 0.07 0.105   | 4   | 0
      0.33    | 0         | 0.067 0.1    | 0.067 0.1    | 4   | 0
      0.9     | 0         | 0.01 0.015   | 0.01 0.015   | 4   | 0
      0.92    | 0         | 0.012        | 0.012        | 2   | 2
      0.95    | 0         |              |              | 0   | 4
      1       | 0         |              |              | 0   | 4
      1       | 0.5       |              | 0.1 0.15     | 0   | 2
      1       | 0.1205    |              | 0.1 0.02     | 1   | 2
      1       | 0.105     |              | 0.1          | 0   | 3
      1       | -0.05     | 0.05         |              | 1   | 3
      """)
  void newQuotesAreCutRoundedDownToTheLotAndDroppedUnderTheMinimum(double haircut, double inventory, String bids,
      String asks, int cut, int skipped) {
    SizeHaircut.Result result = SizeHaircut.apply(TWO_LEVELS, haircut, Math.round(inventory * Fixtures.ONE_BTC), MARKET);

    assertThat(amounts(result.proposal().buys())).isEqualTo(words(bids));
    assertThat(amounts(result.proposal().sells())).isEqualTo(words(asks));
    assertThat(result.proposal().buyPrices()).isSubsetOf(TWO_LEVELS.buyPrices());
    assertThat(result.proposal().sellPrices()).isSubsetOf(TWO_LEVELS.sellPrices());
    assertThat(result.cut()).as("cut").isEqualTo(cut);
    assertThat(result.skipped()).as("skipped").isEqualTo(skipped);
  }

  /**
   * Avellaneda–Stoikov (0.05 BTC quotes, 1 BTC inventory limit, no budget) through its whole cycle:
   * the haircut changes the amounts, never the prices, and at 1 only the side that reduces the
   * inventory is quoted, reduce-only.
   */
  @ParameterizedTest(name = "A-S haircut {0}, inventory {1} BTC -> bid {2}, ask {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      haircut | inventory | bid              | ask              | cut | skipped
      0       | 0         | 0.05             | 0.05             | 0   | 0
      0.5     | 0         | 0.025            | 0.025            | 2   | 0
      0.25    | 0.3       | 0.0375           | 0.0375           | 2   | 0
      0.99999 | 0         | 0.0000005        | 0.0000005        | 2   | 0
      1       | 0         |                  |                  | 0   | 2
      1       | 0.3       |                  | 0.05 reduce-only | 0   | 1
      1       | 0.02      |                  | 0.02 reduce-only | 1   | 1
      1       | -0.3      | 0.05 reduce-only |                  | 0   | 1
      """)
  void avellanedaStoikovQuotesTheCutAmountsAtUnchangedPrices(double haircut, double inventory, String bid, String ask,
      long cut, long skipped) {
    long position = Math.round(inventory * Fixtures.ONE_BTC);
    List<OrderIntent> plain = maker().onTick(context(0, position, new RiskCuts()));
    RiskCuts cuts = new RiskCuts();
    List<OrderIntent> quoted = maker().onTick(context(haircut, position, cuts));

    assertThat(rendered(quoted, Side.BUY)).as("bid").isEqualTo(bid == null ? "" : bid);
    assertThat(rendered(quoted, Side.SELL)).as("ask").isEqualTo(ask == null ? "" : ask);
    assertThat(quoted).allSatisfy(quote -> assertThat(plain).anySatisfy(p -> {
      assertThat(p.getSide()).isEqualTo(quote.getSide());
      assertThat(p.getPrice()).isEqualTo(quote.getPrice());
    }));
    assertThat(cuts.cut()).as("cut").isEqualTo(cut);
    assertThat(cuts.skipped()).as("skipped").isEqualTo(skipped);
  }

  private static AvellanedaStoikovMaker maker() {
    long second = 1_000_000L;
    return new AvellanedaStoikovMaker(
        new AvellanedaStoikovSettings(0.1, 1.5, true, 300, 20, 60, 30, 60, ExecutionTimeframe.infinite(), 0.1, 5, 0,
            0.05, 1),
        new CycleSettings(new RefreshPolicy(10 * second, 0), 1800 * second, 60 * second, -1, false, 10, false));
  }

  private static QuotingContext context(double haircut, long position, RiskCuts cuts) {
    return new QuotingContext(Fixtures.neutral(1, 1000).toBuilder().setSizeHaircut(haircut).build(),
        new StrategyBook(position, List.of(), Fixtures.usd(100_000), Fixtures.usd(100_000)), TradingState.ACTIVE,
        MarketStance.NORMAL, cuts);
  }

  private static String rendered(List<OrderIntent> intents, Side side) {
    return intents.stream().filter(i -> i.getSide() == side)
        .map(i -> BigDecimal.valueOf(i.getQuantity(), 8).stripTrailingZeros().toPlainString()
            + (i.getReduceOnly() ? " reduce-only" : ""))
        .collect(Collectors.joining("; "));
  }

  private static List<String> amounts(List<Proposal.Level> levels) {
    return levels.stream().map(l -> BigDecimal.valueOf(l.size(), 8).stripTrailingZeros().toPlainString()).toList();
  }

  private static List<String> words(String cell) {
    return cell == null ? List.of() : Arrays.asList(cell.trim().split("\\s+"));
  }
}
