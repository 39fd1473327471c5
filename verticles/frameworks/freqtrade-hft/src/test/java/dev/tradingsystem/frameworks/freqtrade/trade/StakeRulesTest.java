package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dry-run wallet and Freqtrade's stake amount rules, amounts in USD. */
class StakeRulesTest {

  private static StakeRules rules(String stake, int maxOpenTrades, String ratio, String wallet, boolean amend) {
    return new StakeRules(new StakeRules.Settings(stake.equals("unlimited") ? null : new BigDecimal(stake),
        maxOpenTrades, new BigDecimal(ratio), new BigDecimal(wallet), BigDecimal.ZERO, null, amend,
        new BigDecimal("0.5")));
  }

  @ParameterizedTest(name = "[{index}] stake {0}, max {1} trades, ratio {2}, wallet {3}, profit {4}, in trades {5} -> {7}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      stake amount | max open trades | tradable ratio | wallet | net profit | in trades | amend last | stake
      1000         | 3               | 0.99           | 10000  | 0          | 0         | false      | 1000
      1000         | 10              | 0.99           | 10000  | 0          | 9000      | false      | 0
      1000         | 10              | 0.99           | 10000  | 0          | 9000      | true       | 900
      1000         | 10              | 0.99           | 10000  | 0          | 9600      | true       | 0
      600          | 3               | 1              | 1000   | -500       | 0         | false      | 0
      unlimited    | 3               | 1              | 9000   | 0          | 0         | false      | 3000
      unlimited    | 3               | 1              | 9000   | 0          | 3000      | false      | 3000
      unlimited    | 3               | 1              | 9000   | 0          | 6000      | false      | 3000
      unlimited    | 3               | 0.99           | 10000  | 0          | 0         | false      | 3300
      unlimited    | 3               | 1              | 9000   | 900        | 0         | false      | 3300
      unlimited    | 4               | 1              | 9000   | 0          | 3000      | false      | 2250
      unlimited    | 0               | 1              | 9000   | 0          | 0         | false      | 0
      """)
  void stakeOfTheNextTrade(String stake, int maxOpenTrades, String ratio, String wallet, String profit, String inTrades,
      boolean amend, String expected) {
    Account account = new Account(new BigDecimal(wallet), new BigDecimal(profit), new BigDecimal(inTrades), 0);

    assertThat(rules(stake, maxOpenTrades, ratio, wallet, amend).tradeStake(account)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "[{index}] asked {0}, min {1}, max {2}, in trade {3}, wallet {4} -> {5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      asked | min stake | max stake | in trade | wallet | stake
      100   | 10        |           |          | 1000   | 100
      8     | 10        |           |          | 1000   | 10
      7     | 10        |           |          | 1000   | 0
      500   | 10        | 300       |          | 1000   | 300
      500   | 10        |           |          | 400    | 400
      500   | 500       |           |          | 400    | 0
      300   | 10        | 1000      | 800      | 5000   | 200
      0     | 10        |           |          | 1000   | 0
      """)
  void requestedStakesAreClampedLikeFreqtradeDoes(String asked, String min, String max, String inTrade, String wallet,
      String expected) {
    StakeRules stakes = rules("1000", 3, "1", wallet, false);
    Account account = new Account(new BigDecimal(wallet), BigDecimal.ZERO, BigDecimal.ZERO, 0);

    BigDecimal stake = stakes.validate(new BigDecimal(asked), new BigDecimal(min),
        max == null ? stakes.maxStake() : new BigDecimal(max), inTrade == null ? null : new BigDecimal(inTrade), account);

    assertThat(stake).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "stake {0} at {1} (lot {2}, min {3}) -> {4} satoshi")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      stake USD | price cents | lot satoshi | min satoshi | quantity satoshi
      1000      | 100000      | 1           | 1           | 100000000
      1000      | 123456      | 1           | 1           | 81000518
      1000      | 123456      | 1000        | 1           | 81000000
      0.5       | 100000      | 1           | 1000000     | 0
      1000      | 0           | 1           | 1           | 0
      """)
  void quantityIsStakeOverPriceRoundedDownToTheLot(String stake, long price, long lot, long min, long quantity) {
    Instrument instrument = Instruments.BITSTAMP_BTC_USD.toBuilder().setLotSize(lot).setMinSize(min).build();

    assertThat(StakeSizer.quantity(new BigDecimal(stake), price, instrument)).isEqualTo(quantity);
  }

  @ParameterizedTest(name = "max {0} open trades with {1} open -> slot {2}")
  @CsvSource(delimiter = '|', textBlock = """
      3  | 2 | true
      3  | 3 | false
      0  | 0 | false
      -1 | 50 | true
      """)
  void maxOpenTrades(int max, int open, boolean free) {
    Account account = new Account(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, open);

    assertThat(rules("1", max, "1", "10", false).hasFreeSlot(account)).isEqualTo(free);
  }

  @Test
  void theAccountIsTheWalletPlusNetProfitLessWhatIsInTrades() {
    String me = "freqtrade-hft.x";
    PortfolioState.Builder builder = Fixtures.holding(5, me, ONE_BTC / 2, 500_000_000L);
    PortfolioState state = builder
        .setPositions(0, builder.getPositions(0).toBuilder().setRealizedPnlMicros(30_000_000L).setFeesMicros(2_000_000L))
        .addPositions(Position.newBuilder().setStrategyId(me).setInstrument(BTC_USD.toBuilder().setSymbol("ETH/USD"))
            .setQuantity(0).setRealizedPnlMicros(-8_000_000L).setFeesMicros(1_000_000L))
        .addPositions(Position.newBuilder().setStrategyId("other").setInstrument(BTC_USD).setQuantity(ONE_BTC)
            .setCostMicros(900_000_000L))
        .addOpenOrders(Fixtures.working("o-e", me, Side.BUY, 50_000, ONE_BTC / 10, 0).toBuilder()
            .setInstrument(BTC_USD.toBuilder().setSymbol("ETH/USD")))
        .build();

    Account account = Account.of(state, me, new BigDecimal("10000"));

    assertThat(account.netProfit()).isEqualByComparingTo("19");
    assertThat(account.inTrades()).isEqualByComparingTo("550");
    assertThat(account.openTrades()).isEqualTo(2);
    assertThat(account.free()).isEqualByComparingTo("9469");
  }

  @Test
  void unlimitedStakeNeedsABoundOnOpenTrades() {
    assertThatThrownBy(() -> rules("unlimited", -1, "1", "10", false))
        .hasMessageContaining("max_open_trades and stake_amount cannot both be unlimited");
  }
}
