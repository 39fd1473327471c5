package dev.tradingsystem.data.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarehouseBatcherTest {

  private final List<Trade> trades = WarehouseFixtures.trades(7);

  @Test
  void drainCutsBatchesPerTableInArrivalOrder() {
    WarehouseBatcher batcher = new WarehouseBatcher(3, 100);
    for (Trade t : trades) {
      batcher.add(WarehouseSchema.row(t));
      batcher.add(WarehouseSchema.row(WarehouseFixtures.features(t, 0)));
    }
    assertThat(batcher.batchReady()).isTrue();
    List<WarehouseBatcher.Batch> batches = batcher.drain();

    assertThat(batches).extracting(b -> b.table() + ":" + b.rows().size())
        .containsExactly("TRADES:3", "TRADES:3", "TRADES:1", "FEATURES:3", "FEATURES:3", "FEATURES:1");
    assertThat(batches.get(0).rows()).extracting(WarehouseRow::rowId).containsExactly("md-1", "md-2", "md-3");
    assertThat(batcher.size()).isZero();
    assertThat(batcher.drain()).isEmpty();
  }

  @Test
  void rowsBeyondTheBoundAreRefused() {
    WarehouseBatcher batcher = new WarehouseBatcher(2, 4);
    long accepted = trades.stream().filter(t -> batcher.add(WarehouseSchema.row(t))).count();
    assertThat(accepted).isEqualTo(4);
    assertThat(batcher.size()).isEqualTo(4);
    batcher.drain();
    assertThat(batcher.add(WarehouseSchema.row(trades.get(0)))).isTrue();
  }
}
