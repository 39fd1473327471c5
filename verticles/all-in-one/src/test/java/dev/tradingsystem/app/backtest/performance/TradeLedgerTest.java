package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fills to round-trip trades, as a trader would book them by hand. A fill is
 * {@code side quantity notional fee} in whole quote currency; the time is its position in the list.
 */
class TradeLedgerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                      | fills                                          | closed | open | net profits (each trade) | fees
      long round trip             | B 1 100 0.10; S 1 110 0.11                     | 1      | 0    | 9.79                     | 0.21
      short round trip            | S 2 200 0.20; B 2 190 0.19                     | 1      | 0    | 9.61                     | 0.39
      DCA entries, one exit       | B 1 100 0; B 1 90 0; S 2 200 0.5               | 1      | 0    | 9.5                      | 0.5
      partial exits               | B 2 200 0; S 1 110 0; S 1 90 0                 | 1      | 0    | 0                        | 0
      losing long                 | B 1 100 0.1; S 1 95 0.1                        | 1      | 0    | -5.2                     | 0.2
      flip closes and reopens     | B 1 100 0; S 3 330 3                           | 1      | 1    | 9                        | 3
      flip then close the short   | B 1 100 0; S 3 330 3; B 2 200 0                | 2      | 0    | 9; 18                    | 3
      entry only stays open       | B 1 100 0.1                                    | 0      | 1    |                          | 0.1
      """)
  void fillsBecomeTrades(String name, String fills, int closed, int open, String profits, double fees) {
    TradeLedger ledger = new TradeLedger();
    long time = 0;
    for (String fill : fills.split(";")) {
      String[] f = fill.trim().split(" ");
      ledger.fill("s", "BTC/USD", f[0].equals("B"), Long.parseLong(f[1]), micros(f[2]), micros(f[3]), time++);
    }
    List<ClosedTrade> trades = ledger.closedTrades();
    assertThat(trades).hasSize(closed);
    assertThat(ledger.openTrades("s", "BTC/USD")).isEqualTo(open);
    assertThat(ledger.feesMicros("s", "BTC/USD")).isEqualTo(micros(String.valueOf(fees)));
    if (profits != null) {
      String[] expected = profits.split(";");
      for (int i = 0; i < expected.length; i++) {
        assertThat(trades.get(i).netProfitMicros()).as("trade %d", i).isEqualTo(micros(expected[i].trim()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case             | fills                        | short | open | close | stake | profit ratio
      long               | B 1 100 0; S 1 110 0         | false | 0    | 1     | 100   | 0.10
      short              | S 1 100 0; B 1 80 0          | true  | 0    | 1     | 100   | 0.20
      two-step exit      | B 4 400 0; S 2 220 0; S 2 180 0 | false | 0 | 2     | 400   | 0.0
      """)
  void aTradeKnowsItsSideTimesAndStake(String name, String fills, boolean isShort, long open, long close, long stake,
      double ratio) {
    TradeLedger ledger = new TradeLedger();
    long time = 0;
    for (String fill : fills.split(";")) {
      String[] f = fill.trim().split(" ");
      ledger.fill("s", "ETH/USD", f[0].equals("B"), Long.parseLong(f[1]), micros(f[2]), micros(f[3]), time++);
    }
    ClosedTrade trade = ledger.closedTrades().get(0);
    assertThat(trade.isShort()).isEqualTo(isShort);
    assertThat(trade.openTimeUs()).isEqualTo(open);
    assertThat(trade.closeTimeUs()).isEqualTo(close);
    assertThat(trade.entryMicros()).isEqualTo(stake * 1_000_000);
    assertThat(trade.profitRatio()).isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ledger.inMarket("s", "ETH/USD", 10)).containsExactly(new long[] {open, close});
  }

  @ParameterizedTest(name = "{0} x {1}/{2} = {3}")
  @CsvSource({"10, 1, 3, 3", "11, 1, 2, 6", "-11, 1, 2, -6", "9, 3, 3, 9", "0, 1, 7, 0"})
  void proRataSharesRoundHalvesAwayFromZero(long amount, long part, long whole, long expected) {
    assertThat(TradeLedger.share(amount, part, whole)).isEqualTo(expected);
  }

  private static long micros(String quote) {
    return new java.math.BigDecimal(quote).movePointRight(6).longValueExact();
  }
}
