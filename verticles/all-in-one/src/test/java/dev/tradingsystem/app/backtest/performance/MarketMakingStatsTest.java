package dev.tradingsystem.app.backtest.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spread capture, mark-outs, the P&amp;L split and the inventory path, against hand-computed tables.
 * The tape: book mids 100 (seq 1, t 0 s), 101 (seq 3, t 1 s), 99 (seq 5, t 2 s), 98 (seq 8, t 12 s),
 * so the last mid M is 98 and the data ends at 12 s.
 */
class MarketMakingStatsTest {

  private static final List<Long> HORIZONS = List.of(1_000_000L, 10_000_000L, 60_000_000L);
  private static final double EPS = 1e-9;

  private static MidTape tape() {
    MidTape tape = new MidTape();
    tape.observe(1, 0, 100.0, true);
    tape.observe(3, 1_000_000, 101.0, true);
    tape.observe(5, 2_000_000, 99.0, true);
    tape.observe(8, 12_000_000, 98.0, true);
    return tape;
  }

  private static LiquidityFill fill(long seq, long timeMs, String side, String liquidity, double price, double qty,
      double fee) {
    return new LiquidityFill(seq, timeMs * 1_000, "BTC/USD", side.equals("buy"), liquidity.equals("maker"), price,
        qty, fee);
  }

  /**
   * One fill at a time. m = mid at fill; spread = s·(m − p)·q; mark-out(h) = s·(m(h) − m)·q (empty:
   * h beyond the data); inventory = s·(98 − m)·q.
   */
  @ParameterizedTest(name = "{2} {5} @ {4} at seq {0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # seq | t ms | side | liquidity | price | qty | m   | spread | mo 1s | mo 10s | inventory | why
      2     | 500  | buy  | maker     | 99.5  | 2   | 100 | 1.0    | 2.0   | -2.0   | -4.0      | bought 0.5 under the mid; the mid rose, then fell to 99 by 10.5 s
      4     | 1500 | sell | taker     | 100.5 | 1   | 101 | -0.5   | 2.0   | 2.0    | 3.0       | a taker pays half the spread; the mid fell after it sold
      6     | 3000 | sell | maker     | 99.5  | 1   | 99  | 0.5    | 0.0   | -      | 1.0       | 10 s later is past the data: no 10 s mark-out
      """)
  void eachFillAgainstTheMid(long seq, long timeMs, String side, String liquidity, double price, double qty,
      double mid, double spread, Double markout1s, Double markout10s, double inventory, String why) {
    FillEdge edge = FillEdge.of(List.of(fill(seq, timeMs, side, liquidity, price, qty, 0)), tape(), HORIZONS);

    assertThat(edge.spreadPnl()).as(why).isCloseTo(spread, within(EPS));
    assertThat(edge.spreadCaptureBps()).isCloseTo(spread / (price * qty) * 10_000, within(EPS));
    assertThat(edge.markoutPnl().get(0)).isCloseTo(markout1s, within(EPS));
    if (markout10s == null) {
      assertThat(edge.markoutFills().get(1)).isZero();
      assertThat(edge.markoutBps(1)).isNaN();
    } else {
      assertThat(edge.markoutPnl().get(1)).isCloseTo(markout10s, within(EPS));
    }
    assertThat(edge.markoutBps(2)).as("a minute is past the data").isNaN();
    assertThat(edge.inventoryPnl()).isCloseTo(inventory, within(EPS));
    assertThat(edge.spreadPnl() + edge.inventoryPnl())
        .as("spread + inventory = cash flow + position at the last mid")
        .isCloseTo((side.equals("buy") ? 1 : -1) * (98 - price) * qty, within(EPS));
    assertThat(mid).isEqualTo(tape().midAtFill(seq));
  }

  /** The three fills together: sums add, ratios are formed over the fills that reached each horizon. */
  @Test
  void theFillsTogether() {
    List<LiquidityFill> fills = List.of(fill(2, 500, "buy", "maker", 99.5, 2, 0.02),
        fill(4, 1500, "sell", "taker", 100.5, 1, 0.05), fill(6, 3000, "sell", "maker", 99.5, 1, 0.01));

    FillEdge edge = FillEdge.of(fills, tape(), HORIZONS);

    assertThat(edge.makerFills()).isEqualTo(2);
    assertThat(edge.takerFills()).isEqualTo(1);
    assertThat(edge.boughtNotional()).isCloseTo(199.0, within(EPS));
    assertThat(edge.soldNotional()).isCloseTo(200.0, within(EPS));
    // 1.0 - 0.5 + 0.5 = 1.0 over 199 + 100.5 + 99.5 = 399 of notional.
    assertThat(edge.spreadPnl()).isCloseTo(1.0, within(EPS));
    assertThat(edge.spreadCaptureBps()).isCloseTo(1.0 / 399 * 10_000, within(EPS));
    // 1 s: 2 + 2 + 0 over 399; 10 s: -2 + 2 over 199 + 100.5 (the third fill's 10 s is past the data).
    assertThat(edge.markoutBps(0)).isCloseTo(4.0 / 399 * 10_000, within(EPS));
    assertThat(edge.markoutFills()).containsExactly(3L, 2L, 0L);
    assertThat(edge.markoutBps(1)).isCloseTo(0.0, within(EPS));
    assertThat(edge.markoutNotional().get(1)).isCloseTo(299.5, within(EPS));
    // -4 + 3 + 1: flat again at the end, so the inventory made nothing net.
    assertThat(edge.inventoryPnl()).isCloseTo(0.0, within(EPS));
    assertThat(edge.fees()).isCloseTo(0.08, within(EPS));
    // Cash flow -199 + 100.5 + 99.5 = 1.0, fees 0.08, flat.
    assertThat(edge.netPnl()).isCloseTo(0.92, within(EPS));

    InventoryPath inventory = InventoryPath.of(fills);
    assertThat(inventory).isEqualTo(new InventoryPath(2, 2, 0, 2, 0));
  }

  @Test
  void aFillBeforeAnyMidIsPricedAtItsOwnPriceAndCounted() {
    MidTape tape = new MidTape();
    tape.observe(5, 1_000_000, 101.0, true);

    FillEdge edge = FillEdge.of(List.of(fill(3, 0, "sell", "maker", 100.0, 1, 0)), tape, HORIZONS);

    assertThat(edge.fillsWithoutMid()).isEqualTo(1);
    assertThat(edge.spreadPnl()).isZero();
    assertThat(edge.spreadCaptureBps()).isZero();
    assertThat(edge.markoutFills()).containsExactly(0L, 0L, 0L);
    // Short 1 from 100 to the last mid 101.
    assertThat(edge.inventoryPnl()).isCloseTo(-1.0, within(EPS));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # fills (side:qty)         | bought | sold | min  | max | end
      buy:1                      | 1      | 0    | 0    | 1   | 1
      sell:1                     | 0      | 1    | -1   | 0   | -1
      buy:1 buy:2 sell:4 buy:0.5 | 3.5    | 4    | -1   | 3   | -0.5
      sell:2 buy:3 sell:1        | 3      | 3    | -2   | 1   | 0
      """)
  void inventoryPath(String fills, double bought, double sold, double min, double max, double end) {
    List<LiquidityFill> list = Arrays.stream(fills.split(" ")).map(f -> f.split(":"))
        .map(f -> fill(1, 0, f[0], "maker", 100, Double.parseDouble(f[1]), 0)).toList();

    assertThat(InventoryPath.of(list)).isEqualTo(new InventoryPath(bought, sold, min, max, end));
  }

  @Test
  void aStrategyAddsItsPairsEdgesButKeepsInventoriesPerPair() {
    MidTape eth = new MidTape();
    eth.observe(1, 0, 10.0, true);
    LiquidityFill btcBuy = fill(2, 500, "buy", "maker", 99.5, 2, 0.02);
    LiquidityFill ethSell = new LiquidityFill(2, 500_000, "ETH/USD", false, false, 9.9, 3, 0.01);

    MarketMakingStats stats = MarketMakingStats.of(List.of(btcBuy, ethSell), Map.of("BTC/USD", tape(), "ETH/USD", eth));

    assertThat(stats.pairs().keySet()).containsExactly("BTC/USD", "ETH/USD");
    assertThat(stats.pairs().get("ETH/USD").inventory().end()).isEqualTo(-3);
    assertThat(stats.pairs().get("BTC/USD").inventory().end()).isEqualTo(2);
    // BTC 1.0 over 199; ETH sold 0.1 under the mid: -0.3 over 29.7.
    assertThat(stats.edge().spreadPnl()).isCloseTo(0.7, within(EPS));
    assertThat(stats.edge().spreadCaptureBps()).isCloseTo(0.7 / 228.7 * 10_000, within(EPS));
    assertThat(stats.edge().makerFills()).isEqualTo(1);
    assertThat(stats.edge().takerFills()).isEqualTo(1);
    assertThat(stats.edge().fees()).isCloseTo(0.03, within(EPS));
  }

  @Test
  void onlyHummingbotStrategiesAreMarketMakers() {
    assertThat(MarketMakingStats.isMarketMaker("hummingbot-mm.as-mm")).isTrue();
    assertThat(MarketMakingStats.isMarketMaker("freqtrade-hft.momentum")).isFalse();
  }
}
