package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays real Bitstamp BTC/USD trades (2013-11-25) with two strategies placing orders every few
 * ticks, once with one strategy calling first and once with the other: the replays must agree on
 * every execution, every state and the orders digest.
 */
class PortfolioReplayTest {

  private static final int TRADES = 5_000;
  private static List<Trade> tape;

  private record Run(List<Execution> executions, List<PortfolioState> states, String digest) {
  }

  @BeforeAll
  static void loadTape() throws IOException {
    Path file = SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv");
    List<Trade> trades = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      lines.skip(1).limit(TRADES).forEach(line -> {
        String[] fields = line.split(",");
        long seq = trades.size() + 1;
        Trade trade = Fixtures.trade(seq,
            FixedPoint.parseUnits(fields[1], Fixtures.BTC_USD.getPriceScale()),
            FixedPoint.parseUnits(fields[2], Fixtures.BTC_USD.getSizeScale()));
        trades.add(trade.toBuilder()
            .setMeta(trade.getMeta().toBuilder().setEventTimeUs(Long.parseLong(fields[0]) * 1_000_000L)).build());
      });
    }
    tape = List.copyOf(trades);
  }

  @Test
  void twoReplaysAgreeWhateverTheOrderOfCallsWithinATick() {
    Run alphaFirst = replay(false);
    Run betaFirst = replay(true);

    assertThat(alphaFirst.states()).hasSize(TRADES);
    assertThat(alphaFirst.executions()).isEqualTo(betaFirst.executions());
    assertThat(alphaFirst.states()).isEqualTo(betaFirst.states());
    assertThat(alphaFirst.digest()).isEqualTo(betaFirst.digest()).hasSize(64);
    assertThat(alphaFirst.executions()).extracting(Execution::getLiquidity)
        .contains(Liquidity.MAKER, Liquidity.TAKER);
  }

  @Test
  void everyStateBalancesToTheMicro() {
    Run run = replay(false);

    assertThat(run.states()).allSatisfy(state -> assertThat(state.getEquityMicros())
        .isEqualTo(Fixtures.INITIAL_CAPITAL + state.getRealizedPnlMicros() + state.getUnrealizedPnlMicros()
            - state.getFeesMicros()));
    assertThat(run.states()).extracting(s -> s.getMeta().getSeq())
        .isEqualTo(tape.stream().map(t -> t.getMeta().getSeq()).toList());
    PortfolioState last = run.states().get(run.states().size() - 1);
    assertThat(last.getMaxDrawdown()).isGreaterThan(0).isGreaterThanOrEqualTo(last.getDrawdown());
  }

  /**
   * Every 20 trades: alpha takes 0.05 BTC at market, alternating sides; beta quotes 0.3 BTC
   * 0.50 USD either side of the print and, every 100 trades, cancels a quote from five ticks ago
   * (which may have filled already: then the cancel is refused, the same way in both replays).
   */
  private static Run replay(boolean betaFirst) {
    PortfolioEngine engine = Fixtures.engine();
    List<Execution> executions = new ArrayList<>();
    List<PortfolioState> states = new ArrayList<>();
    int alphaCount = 0;
    int betaCount = 0;
    for (Trade trade : tape) {
      TradeOutcome outcome = engine.onTrade(trade);
      executions.addAll(outcome.executions());
      states.add(outcome.state());
      long seq = trade.getMeta().getSeq();
      if (seq % 20 != 0) {
        continue;
      }
      List<Runnable> tick = new ArrayList<>();
      Side alphaSide = (seq / 20) % 2 == 0 ? Side.BUY : Side.SELL;
      ApprovedOrder alpha = approved(intent("alpha-" + ++alphaCount, "alpha", seq, alphaSide, OrderType.MARKET, null, "0.05"));
      tick.add(() -> engine.place(alpha));
      ApprovedOrder bid = approved(intent("beta-" + ++betaCount, "beta", seq, Side.BUY, OrderType.LIMIT,
          price(trade.getPrice() - 50), "0.3"));
      ApprovedOrder offer = approved(intent("beta-" + ++betaCount, "beta", seq, Side.SELL, OrderType.LIMIT,
          price(trade.getPrice() + 50), "0.3"));
      tick.add(() -> engine.place(bid));
      tick.add(() -> engine.place(offer));
      if (seq % 100 == 0) {
        ApprovedOrder cancel = Fixtures.cancel("beta-" + ++betaCount, "beta", seq, "o-beta-" + (betaCount - 10));
        tick.add(() -> engine.cancel(cancel));
      }
      if (betaFirst) {
        Collections.reverse(tick);
      }
      tick.forEach(Runnable::run);
    }
    return new Run(executions, states, engine.ordersDigest());
  }

  private static String price(long units) {
    return BigDecimal.valueOf(units, 2).toPlainString();
  }
}
