package dev.tradingsystem.frameworks.hummingbot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

/**
 * Average-cost accounting by hand, BTC/USD starting with 1000 USD. Each row: the fill, then the
 * position, its cost, realised P&amp;L, fees and cash after it; the mark is the mid of 99.00 / 101.00.
 */
class BacktestAccountTest {

  private static final String TABLE = """
      side | price | btc | fee  | position | cost   | realized | fees | cash
      BUY  | 100   | 1   | 0.1  | 1        | 100    | 0        | 0.1  | 899.9
      BUY  | 110   | 1   | 0    | 2        | 210    | 0        | 0.1  | 789.9
      SELL | 120   | 0.5 | 0    | 1.5      | 157.5  | 7.5      | 0.1  | 849.9
      SELL | 100   | 2.5 | 0.2  | -1       | -100   | 0        | 0.3  | 1099.7
      BUY  | 90    | 1   | 0    | 0        | 0      | 10       | 0.3  | 1009.7
      """;

  @Test
  void fillsMoveCashPositionCostAndRealisedPnlAsByHand() {
    BacktestAccount account = new BacktestAccount(Fixtures.BTC_USD, Fixtures.usd(1000));
    for (String row : TABLE.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
      String[] c = row.split("\\|");
      account.apply(Side.valueOf(c[0].trim()), cents(c[1]), btc(c[2]), Fixtures.usd(Double.parseDouble(c[3].trim())));
      Position position = account.toPosition("mm", 9_900, 10_100);

      assertThat(position.getQuantity()).as(row).isEqualTo(btc(c[4]));
      assertThat(position.getCostMicros()).as(row).isEqualTo(usd(c[5]));
      assertThat(position.getRealizedPnlMicros()).as(row).isEqualTo(usd(c[6]));
      assertThat(position.getFeesMicros()).as(row).isEqualTo(usd(c[7]));
      assertThat(account.cashMicros()).as(row).isEqualTo(usd(c[8]));
      assertThat(account.cashMicros()).as("cash = capital + realised − fees − cost")
          .isEqualTo(Fixtures.usd(1000) + position.getRealizedPnlMicros() - position.getFeesMicros()
              - position.getCostMicros());
      assertThat(account.equityMicros(9_900, 10_100)).as("equity = cash + position at the mid of 100")
          .isEqualTo(account.cashMicros() + Math.round(Double.parseDouble(c[4].trim()) * 100 * 1_000_000));
      assertThat(position.getUnrealizedPnlMicros()).isEqualTo(account.markMicros(account.position(), 9_900, 10_100)
          - position.getCostMicros());
    }
  }

  @Test
  void aHalfTickMidIsMarkedExactlyToTheMicro() {
    BacktestAccount account = new BacktestAccount(Fixtures.BTC_USD, 0);

    assertThat(account.markMicros(3, 6_183_763, 6_183_764)).as("3 satoshi at 61,837.635").isEqualTo(1_855);
    assertThat(account.markMicros(-100_000_000, 6_183_763, 6_183_764)).isEqualTo(-61_837_635_000L);
  }

  private static long cents(String price) {
    return Math.round(Double.parseDouble(price.trim()) * 100);
  }

  private static long btc(String amount) {
    return Math.round(Double.parseDouble(amount.trim()) * Fixtures.ONE_BTC);
  }

  private static long usd(String amount) {
    return Fixtures.usd(Double.parseDouble(amount.trim()));
  }
}
