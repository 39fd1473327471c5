package dev.tradingsystem.data.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarehouseSchemaTest {

  private final List<Trade> trades = WarehouseFixtures.trades(5);

  @ParameterizedTest
  @EnumSource(WarehouseTable.class)
  void everyTableStartsWithTheMessageIdentityAndHasUniqueColumns(WarehouseTable table) {
    List<String> names = table.columns().stream().map(WarehouseColumn::name).toList();
    assertThat(names).startsWith("message_id", "trace_id", "seq", "event_time_us", "ingest_time_us");
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
  }

  @Test
  void tradeRowKeepsExactUnitsAndDecimalPrices() {
    Trade trade = trades.get(0);
    WarehouseRow row = WarehouseSchema.row(trade);
    assertThat(row.rowId()).isEqualTo("md-1");
    assertThat(row.value("seq")).isEqualTo(1L);
    assertThat(row.value("symbol")).isEqualTo("BTC/USD");
    assertThat(row.value("price_units")).isEqualTo(trade.getPrice());
    assertThat((double) row.value("price")).isEqualTo(trade.getPrice() / 100.0);
    assertThat((double) row.value("size")).isEqualTo(trade.getSize() / 1e8);
    assertThat(row.value("aggressor")).isEqualTo("SIDE_UNSPECIFIED");
  }

  @Test
  void featureColumnsAreEveryScalarFieldOfTheContract() {
    List<String> names = WarehouseTable.FEATURES.columns().stream().map(WarehouseColumn::name).toList();
    for (FieldDescriptor field : FeatureVector.getDescriptor().getFields()) {
      boolean scalar = !field.isRepeated() && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
          && field.getJavaType() != FieldDescriptor.JavaType.BYTE_STRING;
      assertThat(names.contains(field.getName())).as(field.getName()).isEqualTo(scalar);
    }
    WarehouseRow row = WarehouseSchema.row(WarehouseFixtures.features(trades.get(0), 60));
    assertThat(row.rowId()).isEqualTo("md-1:60");
    assertThat(row.value("timeframe_sec")).isEqualTo(60L);
    assertThat((double) row.value("rsi")).isNaN();
    assertThat(row.values()).allMatch(v -> v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean);
  }

  @Test
  void signalRowCarriesQuantilesAsJson() {
    WarehouseRow row = WarehouseSchema.row(WarehouseFixtures.signal("lagllama", trades.get(1)));
    assertThat(row.rowId()).isEqualTo("lagllama:lagllama-2");
    assertThat(row.value("direction")).isEqualTo("LONG");
    assertThat(row.value("quantiles")).isEqualTo("[{\"level\":0.1,\"value\":-0.002},{\"level\":0.9,\"value\":0.003}]");
  }

  @Test
  void executionRowHasFeeInMicrosAndQuoteCurrency() {
    WarehouseRow row = WarehouseSchema.row(WarehouseFixtures.fill(trades.get(2)));
    assertThat(row.rowId()).isEqualTo("x-o-freqtrade-hft.momentum-1-1");
    assertThat(row.value("fee_micros")).isEqualTo(2_512L);
    assertThat((double) row.value("fee")).isEqualTo(0.002512);
    assertThat((double) row.value("quantity")).isEqualTo(0.01);
    assertThat(row.value("liquidity")).isEqualTo("TAKER");
  }

  @Test
  void otherMessagesHaveNoTableAndRowsMustMatchTheirTable() {
    assertThat(WarehouseSchema.rowOf("not a message")).isNull();
    assertThat(WarehouseSchema.rowOf(trades.get(0)).table()).isEqualTo(WarehouseTable.TRADES);
    assertThatThrownBy(() -> new WarehouseRow(WarehouseTable.TRADES, "x", List.of("too few")))
        .hasMessageContaining("expected");
  }
}
