package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.source.RowOutcome.AcceptedTrade;
import dev.tradingsystem.data.source.RowOutcome.RejectedRow;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeRowValidatorTest {

  /** Every case follows the accepted row {@code 1385337600,800.00,1.0} (price 80000, time 1385337600 s). */
  private static final String PREVIOUS = "1385337600,800.00,1.0";

  private static TradeRowValidator bitstamp() {
    TradeRowValidator validator = new TradeRowValidator(TradeColumns.fromHeader("timestamp,price,amount"),
        Instruments.BITSTAMP_BTC_USD, 0.5);
    assertThat(validator.check(2, PREVIOUS)).isInstanceOf(AcceptedTrade.class);
    return validator;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # row                                 | outcome
      1385337601,800.01,0.5                 | accepted
      1385337600,800.010000000000,0.1       | accepted
      1385337601,1e3,0.5                    | accepted
      1385337601,800.01                     | field_count
      1385337601,800.01,0.5,extra           | field_count
      hello world                           | field_count
      1385337601,abc,0.5                    | unparseable
      1385337601,,0.5                       | unparseable
      1385337601,800.01,1..2                | unparseable
      x1385337601,800.01,0.5                | unparseable
      1385337601,NaN,0.5                    | not_finite
      1385337601,800.01,Infinity            | not_finite
      1385337601,-inf,0.5                   | not_finite
      nan,800.01,0.5                        | not_finite
      0,800.01,0.5                          | invalid_timestamp
      -5,800.01,0.5                         | invalid_timestamp
      1385337601,0,0.5                      | non_positive_price
      1385337601,-800.01,0.5                | non_positive_price
      1385337601,800.01,0                   | non_positive_size
      1385337601,800.01,-0.5                | non_positive_size
      1385337601,800.001,0.5                | excess_precision
      1385337601,800.01,0.000000001         | excess_precision
      1385337599,800.01,0.5                 | out_of_order
      1385337601,1200.01,0.5                | absurd_price
      1385337601,399.99,0.5                 | absurd_price
      1385337601,1200.00,0.5                | accepted
      1385337601,400.00,0.5                 | accepted
      1385337601,99999999999999999999,0.5   | unparseable
      """)
  void classifiesEachRow(String row, String expected) {
    RowOutcome outcome = bitstamp().check(3, row);
    if (expected.equals("accepted")) {
      assertThat(outcome).isInstanceOf(AcceptedTrade.class);
    } else {
      assertThat(outcome).isInstanceOfSatisfying(RejectedRow.class, rejected -> {
        assertThat(rejected.reason().code()).isEqualTo(expected);
        assertThat(rejected.raw()).isEqualTo(row);
        assertThat(rejected.line()).isEqualTo(3);
      });
    }
  }

  @Test
  void parsesExactlyToFixedPoint() {
    AcceptedTrade trade = (AcceptedTrade) bitstamp().check(3, "1385337613,800.050000000000,0.278380490000");

    assertThat(trade.price()).isEqualTo(80_005L);
    assertThat(trade.size()).isEqualTo(27_838_049L);
    assertThat(trade.eventTimeUs()).isEqualTo(1_385_337_613_000_000L);
    assertThat(trade.aggressor()).isEqualTo(Side.SIDE_UNSPECIFIED);
    assertThat(trade.tradeId()).isEqualTo("bitstamp-3");
  }

  @ParameterizedTest(name = "{0} -> {1} us")
  @CsvSource({
      "1385337600, 1385337600000000",
      "1385337600.5, 1385337600500000",
      "1385337600123, 1385337600123000",
      "1385337600123456, 1385337600123456",
      "1385337600123456789, 1385337600123456",
      "2013-11-25T00:00:00.25Z, 1385337600250000"})
  void tellsTheTimeUnitByMagnitude(String time, long expectedMicros) throws Exception {
    assertThat(TradeRowValidator.parseTimeMicros(time)).isEqualTo(expectedMicros);
  }

  @Test
  void rejectedRowsDoNotMoveTheReferences() {
    TradeRowValidator validator = bitstamp();
    assertThat(validator.check(3, "1385337700,5000.00,1")).isInstanceOf(RejectedRow.class);
    assertThat(validator.check(4, "1385337650,801.00,1")).isInstanceOf(AcceptedTrade.class);
    assertThat(validator.check(5, "1385337640,801.00,1"))
        .isInstanceOfSatisfying(RejectedRow.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_ORDER));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # row                                        | outcome
      BTC/USD,1385337601,buy,800.01,0.5,t1         | BUY
      btcusd,1385337601,SELL,800.01,0.5,t2         | SELL
      BTC-USD,1385337601,b,800.01,0.5,t3           | BUY
      BTC/USD,1385337601,,800.01,0.5,t4            | SIDE_UNSPECIFIED
      ETH/USD,1385337601,buy,800.01,0.5,t5         | unknown_symbol
      ETH/USD,NaN,buy,-1,0.5,t6                    | unknown_symbol
      BTC/USD,1385337601,hold,800.01,0.5,t7        | unknown_side
      """)
  void usesSymbolAndSideColumnsWhenPresent(String row, String expected) {
    TradeRowValidator validator = new TradeRowValidator(
        TradeColumns.fromHeader("symbol,ts,side,price,qty,trade_id"), Instruments.BITSTAMP_BTC_USD, 0.5);

    RowOutcome outcome = validator.check(2, row);

    if (expected.equals(expected.toUpperCase())) {
      assertThat(outcome).isInstanceOfSatisfying(AcceptedTrade.class, trade -> {
        assertThat(trade.aggressor()).isEqualTo(Side.valueOf(expected));
        assertThat(trade.tradeId()).startsWith("t");
      });
    } else {
      assertThat(outcome).isInstanceOfSatisfying(RejectedRow.class,
          rejected -> assertThat(rejected.reason().code()).isEqualTo(expected));
    }
  }
}
