package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeColumnsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # header                                                        | fields | time | price | size | side | symbol | id
      timestamp,price,amount                                          | 3      | 0    | 1     | 2    | -1   | -1     | -1
      exchange,symbol,timestamp,local_timestamp,id,side,price,amount  | 8      | 2    | 6     | 7    | 5    | 1      | 4
      \uFEFF"Time","Price","Qty"                                      | 3      | 0    | 1     | 2    | -1   | -1     | -1
      price,size,ts,trade_id                                          | 4      | 2    | 0     | 1    | -1   | -1     | 3
      Quantity,PRICE,TIME                                             | 3      | 2    | 1     | 0    | -1   | -1     | -1
      """)
  void findsColumnsByName(String header, int fields, int time, int price, int size, int side, int symbol, int id) {
    assertThat(TradeColumns.fromHeader(header)).isEqualTo(new TradeColumns(fields, time, price, size, side, symbol, id));
  }

  @Test
  void namesTheMissingColumn() {
    assertThatThrownBy(() -> TradeColumns.fromHeader("timestamp,price,volume"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount");
  }
}
