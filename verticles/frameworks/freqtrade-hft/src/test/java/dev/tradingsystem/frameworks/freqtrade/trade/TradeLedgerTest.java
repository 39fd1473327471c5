package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

/** The ledger reads trades from snapshots: 1 BTC bought at 1000 USD (fee 1), sold at 1011 (fee 1.011). */
class TradeLedgerTest {

  private static final String ME = "freqtrade-hft.x";

  private static PortfolioState snapshot(long seq, long quantity, long cost, long realized, long fees) {
    PortfolioState.Builder state = Fixtures.holding(seq, ME, quantity, cost);
    return state.setPositions(0, state.getPositions(0).toBuilder().setRealizedPnlMicros(realized).setFeesMicros(fees))
        .build();
  }

  @Test
  void aTradeOpensWithItsEntryTagAndClosesWithItsNetProfit() {
    TradeLedger ledger = new TradeLedger(ME, 60);
    ledger.observe(snapshot(1, 0, 0, 5_000_000L, 500_000L), T0_US);
    ledger.entrySent("BTC/USD", "o-x-1", TradeSide.LONG, "consensus_long");

    assertThat(ledger.observe(snapshot(2, ONE_BTC, 1_000_000_000L, 5_000_000L, 1_500_000L), T0_US + MINUTE_US)).isEmpty();
    TradeRecord open = ledger.open("BTC/USD");
    assertThat(open.entryTag()).isEqualTo("consensus_long");
    assertThat(open.openRate()).isEqualByComparingTo("1000");
    assertThat(open.successfulEntries()).isEqualTo(1);
    assertThat(open.openedAtMicros()).isEqualTo(T0_US + MINUTE_US);
    ledger.exitSent("BTC/USD", "roi");

    assertThat(ledger.observe(snapshot(3, 0, 0, 16_000_000L, 2_511_000L), T0_US + 5 * MINUTE_US))
        .singleElement().satisfies(closed -> {
          assertThat(closed.profitMicros()).as("11 realised - 1 - 1.011 fees").isEqualTo(8_989_000L);
          assertThat(closed.profitRatio()).isEqualByComparingTo("0.008989");
          assertThat(closed.exitLabel()).isEqualTo("roi");
          assertThat(closed.exitReason()).isEqualTo(ExitReason.ROI);
          assertThat(closed.closedAtMicros()).isEqualTo(T0_US + 5 * MINUTE_US);
        });
    assertThat(ledger.open("BTC/USD")).isNull();
    assertThat(ledger.history()).hasSize(1);
  }

  @Test
  void aFilledAdjustmentCountsAsAnEntryAndAddsToTheStake() {
    TradeLedger ledger = new TradeLedger(ME, 60);
    ledger.observe(snapshot(1, ONE_BTC, 1_000_000_000L, 0, 0), T0_US);
    ledger.entrySent("BTC/USD", "o-x-2", TradeSide.LONG, "");
    PortfolioState stillWorking = snapshot(2, ONE_BTC, 1_000_000_000L, 0, 0).toBuilder()
        .addOpenOrders(Fixtures.working("o-x-2", ME, Side.BUY, 90_000, ONE_BTC, 0)).build();

    ledger.observe(stillWorking, T0_US + MINUTE_US);
    assertThat(ledger.open("BTC/USD").successfulEntries()).isEqualTo(1);
    ledger.observe(snapshot(3, 2 * ONE_BTC, 1_900_000_000L, 0, 0), T0_US + 2 * MINUTE_US);

    assertThat(ledger.open("BTC/USD").successfulEntries()).isEqualTo(2);
    assertThat(ledger.open("BTC/USD").openRate()).isEqualByComparingTo("950");
    assertThat(ledger.open("BTC/USD").stake()).isEqualByComparingTo("1900");
  }

  @Test
  void aCloseTheStrategyDidNotSendIsExternal() {
    TradeLedger ledger = new TradeLedger(ME, 60);
    ledger.observe(snapshot(1, -ONE_BTC, -1_000_000_000L, 0, 0), T0_US);

    assertThat(ledger.observe(snapshot(2, 0, 0, -20_000_000L, 0), T0_US + MINUTE_US))
        .singleElement().satisfies(closed -> {
          assertThat(closed.side()).isEqualTo(TradeSide.SHORT);
          assertThat(closed.exitLabel()).isEqualTo("external");
          assertThat(closed.profitRatio()).isEqualByComparingTo("-0.02");
        });
  }

  @Test
  void oldClosedTradesLeaveTheHistory() {
    TradeLedger ledger = new TradeLedger(ME, 10);
    ledger.observe(snapshot(1, ONE_BTC, 1_000_000_000L, 0, 0), T0_US);
    ledger.observe(snapshot(2, 0, 0, 0, 0), T0_US + MINUTE_US);

    ledger.observe(snapshot(3, 0, 0, 0, 0), T0_US + 11 * MINUTE_US);
    assertThat(ledger.history()).hasSize(1);
    ledger.observe(snapshot(4, 0, 0, 0, 0), T0_US + 12 * MINUTE_US);
    assertThat(ledger.history()).isEmpty();
  }
}
