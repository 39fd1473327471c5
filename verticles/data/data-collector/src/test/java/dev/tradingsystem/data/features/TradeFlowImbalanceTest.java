package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeFlowImbalanceTest {

  @ParameterizedTest(name = "prices {0} -> tick signs {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # prices                 | tick sign after each trade (Lee-Ready tick test, zero tick keeps the sign)
      100 100 101 101 100 100  | 0 0 1 1 -1 -1
      100 99 99 99 100         | 0 -1 -1 -1 1
      """)
  void tickTestSignsByPriceChangeAndZeroTickKeepsTheLastSign(String prices, String signs) {
    TradeFlowImbalance flow = new TradeFlowImbalance(10);
    String[] p = prices.split(" ");
    String[] s = signs.split(" ");
    for (int i = 0; i < p.length; i++) {
      flow.update(Double.parseDouble(p[i]), 1, 0);
      assertThat(flow.tickSign()).as("after trade %d", i).isEqualTo(Integer.parseInt(s[i]));
    }
  }

  @Test
  void handComputedImbalanceWithSpanOne() {
    // span 1 -> alpha 1: the imbalance is the last trade's sign.
    TradeFlowImbalance flow = new TradeFlowImbalance(1);
    flow.update(100, 2, 0);
    assertThat(flow.value()).isZero();
    flow.update(101, 2, 0);
    assertThat(flow.value()).isEqualTo(1.0);
    flow.update(100, 2, 0);
    assertThat(flow.value()).isEqualTo(-1.0);
  }

  @Test
  void reportedAggressorOverridesTheTickTest() {
    TradeFlowImbalance flow = new TradeFlowImbalance(3); // alpha 0.5
    flow.update(100, 1, 1);
    flow.update(101, 3, -1); // an uptick, but the venue says the seller hit
    // signed: 0.5*1 = 0.5 -> 0.5 + 0.5*(-3 - 0.5) = -1.25; volume: 0.5 -> 0.5 + 0.5*(3 - 0.5) = 1.75
    assertThat(flow.value()).isCloseTo(-1.25 / 1.75, within(1e-12));
  }

  @Test
  void staysWithinBoundsAndMatchesRecomputation() {
    Random random = new Random(5);
    int span = 20;
    double alpha = 2.0 / (span + 1);
    TradeFlowImbalance flow = new TradeFlowImbalance(span);
    double signed = 0;
    double volume = 0;
    double previous = Double.NaN;
    int sign = 0;
    for (int i = 0; i < 500; i++) {
      double price = 800 + random.nextInt(5);
      double size = random.nextDouble() * 3;
      sign = price > previous ? 1 : price < previous ? -1 : sign;
      previous = price;
      signed = signed + alpha * (sign * size - signed);
      volume = volume + alpha * (size - volume);
      flow.update(price, size, 0);
      assertThat(flow.value()).isBetween(-1.0, 1.0).isCloseTo(signed / volume, within(1e-12));
    }
  }
}
