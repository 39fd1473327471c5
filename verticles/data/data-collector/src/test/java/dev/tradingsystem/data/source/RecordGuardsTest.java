package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stateful checks on streams of trades, quotes and candles, as a trader reads them (max jump 50 %). */
class RecordGuardsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                   ; trades as time/price/id            ; outcomes
      an orderly tape is accepted              ; 1/100/a 2/101/b 2/99/c               ; ok ok ok
      the same id twice is a duplicate         ; 1/100/a 2/101/a                      ; ok duplicate
      a step back in time is out of order      ; 5/100/a 4/101/b                      ; ok out_of_order
      more than 50 % from the last is absurd   ; 1/100/a 2/151/b 3/49/c 4/150/d        ; ok absurd_price absurd_price ok
      a refused trade does not move the checks ; 1/100/a 2/300/b 3/101/b              ; ok absurd_price ok
      trades without an id are not deduplicated ; 1/100/- 2/100/-                      ; ok ok
      """)
  void trades(String name, String trades, String outcomes) {
    TradeGuard guard = new TradeGuard(0.5);
    List<String> seen = new ArrayList<>();
    for (String trade : trades.trim().split(" +")) {
      String[] f = trade.split("/");
      seen.add(outcome(() -> guard.admit(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2].equals("-") ? "" : f[2])));
    }
    assertThat(seen).containsExactly(outcomes.trim().split(" +"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                  ; quotes as update/bid/ask          ; outcomes
      increasing update ids are accepted      ; 1/99/101 2/100/101                  ; ok ok
      a bid at the ask cannot be quoted       ; 1/100/100                           ; crossed_quote
      a bid above the ask cannot be quoted    ; 1/102/101                           ; crossed_quote
      a repeated update id is a duplicate     ; 1/99/101 1/99/101                   ; ok duplicate
      an older update id is out of order      ; 5/99/101 4/99/101                   ; ok out_of_order
      a mid 50 % away is absurd               ; 1/99/101 2/199/201                  ; ok absurd_price
      """)
  void quotes(String name, String quotes, String outcomes) {
    QuoteGuard guard = new QuoteGuard(0.5);
    List<String> seen = new ArrayList<>();
    for (String quote : quotes.trim().split(" +")) {
      String[] f = quote.split("/");
      seen.add(outcome(() -> guard.admit(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]))));
    }
    assertThat(seen).containsExactly(outcomes.trim().split(" +"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                  ; candles as open-time/o/h/l/c        ; outcomes
      consistent bars in order are accepted   ; 60/100/110/90/105 120/105/106/104/104 ; ok ok
      a high below the close is inconsistent  ; 60/100/104/90/105                     ; inconsistent_candle
      a low above the open is inconsistent    ; 60/100/110/101/105                    ; inconsistent_candle
      the same open time twice is a duplicate ; 60/100/110/90/105 60/100/110/90/105   ; ok duplicate
      an earlier bar is out of order          ; 120/100/110/90/105 60/100/110/90/105  ; ok out_of_order
      a close 50 % away is absurd             ; 60/100/110/90/105 120/105/200/105/200 ; ok absurd_price
      """)
  void candles(String name, String candles, String outcomes) {
    CandleGuard guard = new CandleGuard(0.5);
    List<String> seen = new ArrayList<>();
    for (String candle : candles.trim().split(" +")) {
      long[] f = java.util.Arrays.stream(candle.split("/")).mapToLong(Long::parseLong).toArray();
      seen.add(outcome(() -> guard.admit(f[0], f[1], f[2], f[3], f[4])));
    }
    assertThat(seen).containsExactly(outcomes.trim().split(" +"));
  }

  private interface Check {
    void run() throws Refusal;
  }

  private static String outcome(Check check) {
    try {
      check.run();
      return "ok";
    } catch (Refusal refusal) {
      return refusal.reason().code();
    }
  }
}
