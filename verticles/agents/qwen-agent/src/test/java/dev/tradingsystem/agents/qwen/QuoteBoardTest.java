package dev.tradingsystem.agents.qwen;

import static dev.tradingsystem.agents.qwen.DislocationScannerTest.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteBoardTest {

  @ParameterizedTest(name = "{0} -> {8}")
  @CsvSource(delimiter = '|', textBlock = """
      crossed               | alpha | BTC/USD | 100.1 | 1 | 100.0 | 1 | 1 | crossed_quote
      locked                | alpha | BTC/USD | 100.0 | 1 | 100.0 | 1 | 1 | crossed_quote
      zero bid              | alpha | BTC/USD |   0.0 | 1 | 100.0 | 1 | 1 | non_positive_price
      negative ask          | alpha | BTC/USD |  99.0 | 1 |  -1.0 | 1 | 1 | non_positive_price
      NaN ask               | alpha | BTC/USD |  99.0 | 1 |   NaN | 1 | 1 | non_finite_price
      infinite bid          | alpha | BTC/USD | Infinity | 1 | 100.0 | 1 | 1 | non_finite_price
      negative size         | alpha | BTC/USD |  99.0 | -1 | 100.0 | 1 | 1 | invalid_size
      NaN size              | alpha | BTC/USD |  99.0 | 1 | 100.0 | NaN | 1 | invalid_size
      empty ask side        | alpha | BTC/USD |  99.0 | 1 | 100.0 | 0 | 1 | empty_side
      no venue              | ' '   | BTC/USD |  99.0 | 1 | 100.0 | 1 | 1 | missing_venue
      not BASE/QUOTE        | alpha | BTCUSD  |  99.0 | 1 | 100.0 | 1 | 1 | invalid_symbol
      no event time         | alpha | BTC/USD |  99.0 | 1 | 100.0 | 1 | 0 | missing_event_time
      """)
  void unusableQuotesAreRejectedWithAReason(String scenario, String venue, String symbol, double bid, double bidSize,
      double ask, double askSize, long timeUs, String reason) {
    QuoteBoard board = new QuoteBoard(4);
    assertThat(board.accept(new VenueQuote(venue.trim(), symbol, bid, bidSize, ask, askSize, timeUs)))
        .map(Rejection::reason).hasValue(reason);
    assertThat(board.venues()).isEmpty();
  }

  @Test
  void aQuoteOlderThanTheBooksNewestIsRejectedAndChangesNothing() {
    QuoteBoard board = new QuoteBoard(4);
    assertThat(board.accept(DislocationScannerTest.quote("alpha", "BTC/USD", 99, 100, T))).isEmpty();
    assertThat(board.accept(DislocationScannerTest.quote("alpha", "BTC/USD", 98, 99, T - 1)))
        .map(Rejection::reason).hasValue("out_of_order_quote");
    assertThat(board.asOf("alpha", "BTC/USD", T, 10)).hasValueSatisfying(q -> assertThat(q.bid()).isEqualTo(99));
  }

  @Test
  void historyIsBoundedPerBook() {
    QuoteBoard board = new QuoteBoard(2);
    for (int i = 0; i < 5; i++) {
      board.accept(DislocationScannerTest.quote("alpha", "BTC/USD", 99 + i, 100 + i, T + i));
    }
    // Only the last two quotes (T+3, T+4) are kept: T+2 is no longer answerable.
    assertThat(board.asOf("alpha", "BTC/USD", T + 3, 10)).hasValueSatisfying(q -> assertThat(q.bid()).isEqualTo(102));
    assertThat(board.asOf("alpha", "BTC/USD", T + 2, 10)).isEmpty();
    assertThat(board.symbolsOn("alpha")).containsExactly("BTC/USD");
    assertThat(board.venuesOf("BTC/USD")).containsExactly("alpha");
  }
}
