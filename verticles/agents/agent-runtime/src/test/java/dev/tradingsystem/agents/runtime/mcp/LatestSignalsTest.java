package dev.tradingsystem.agents.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import org.junit.jupiter.api.Test;

class LatestSignalsTest {

  private static AgentSignal signal(String symbol, Direction direction) {
    return AgentSignal.newBuilder().setSymbol(symbol).setDirection(direction).build();
  }

  @Test
  void keepsTheLatestPerSymbolAndForgetsTheSymbolAnsweredLongestAgo() {
    LatestSignals latest = new LatestSignals(2);

    latest.record(signal("BTC/USD", Direction.LONG));
    latest.record(signal("ETH/USD", Direction.SHORT));
    latest.record(signal("BTC/USD", Direction.FLAT));
    latest.record(signal("SOL/USD", Direction.LONG));

    assertThat(latest.size()).isEqualTo(2);
    assertThat(latest.latest("BTC/USD")).map(AgentSignal::getDirection).contains(Direction.FLAT);
    assertThat(latest.latest("SOL/USD")).isPresent();
    assertThat(latest.latest("ETH/USD")).as("answered longest ago").isEmpty();
  }
}
