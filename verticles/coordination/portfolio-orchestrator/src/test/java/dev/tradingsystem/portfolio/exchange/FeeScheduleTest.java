package dev.tradingsystem.portfolio.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Liquidity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which fee a fill pays, as a trader reads the schedule: defaults maker 5 / taker 10 bps;
 * Binance 1 / 1; Binance BTC/USDT 0 / 0.5 (a promotion); BTC/USD anywhere 2 / 4.
 */
class FeeScheduleTest {

  private static final FeeSchedule SCHEDULE = new FeeSchedule(new FeeSchedule.Rates(5, 10), Map.of(
      "binance", new FeeSchedule.Rates(1, 1),
      "binance:BTC/USDT", new FeeSchedule.Rates(0, 0.5),
      "BTC/USD", new FeeSchedule.Rates(2, 4)));

  @ParameterizedTest(name = "{0} {1} {2} pays {3} bps")
  @CsvSource(delimiter = '|', textBlock = """
      # venue   | symbol   | liquidity | bps
      binance   | BTC/USDT | MAKER     | 0
      binance   | BTC/USDT | TAKER     | 0.5
      binance   | ETH/USDT | MAKER     | 1
      binance   | ETH/USDT | TAKER     | 1
      bitstamp  | BTC/USD  | MAKER     | 2
      binance   | BTC/USD  | TAKER     | 4
      coinbase  | ETH/USD  | MAKER     | 5
      coinbase  | ETH/USD  | TAKER     | 10
      """)
  void theMostSpecificEntryWins(String venue, String symbol, Liquidity liquidity, double bps) {
    Instrument instrument = Instrument.newBuilder().setVenue(venue).setSymbol(symbol).build();

    assertThat(SCHEDULE.bps(instrument, liquidity)).isEqualTo(bps);
  }

  @Test
  void negativeOrAbsurdFeesAreRefused() {
    assertThatThrownBy(() -> new FeeSchedule.Rates(-1, 10)).hasMessageContaining("makerBps");
    assertThatThrownBy(() -> new FeeSchedule.Rates(5, 5_000)).hasMessageContaining("takerBps");
  }
}
