package dev.tradingsystem.data.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WarehouseConfigTest {

  @Test
  void defaultsRecordNothingAndPutDuckDbUnderData() {
    WarehouseConfig config = WarehouseConfig.from(reader(new JsonObject()));
    assertThat(config.backend()).isEqualTo(WarehouseConfig.Backend.NONE);
    assertThat(config.duckDbPath()).isEqualTo(Path.of("data/warehouse.duckdb"));
    assertThat(config.bigQueryHost()).isEqualTo("https://bigquery.googleapis.com");
    assertThat(config.bigQueryWithoutCredentials()).isFalse();
  }

  @Test
  void environmentSelectsTheBackend() {
    JsonObject cfg = new JsonObject().put("$env", new JsonObject()
        .put("TRADING_WAREHOUSE_BACKEND", "duckdb").put("TRADING_WAREHOUSE_DIR", "/var/lib/trading"));
    WarehouseConfig config = WarehouseConfig.from(ConfigReader.of(cfg));
    assertThat(config.backend()).isEqualTo(WarehouseConfig.Backend.DUCKDB);
    assertThat(config.duckDbPath()).isEqualTo(Path.of("/var/lib/trading/warehouse.duckdb"));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource({
      "warehouse.backend,          parquet",
      "warehouse.batchSize,        0",
      "warehouse.flushIntervalMs,  0",
      "warehouse.duckdb.file,      sub/warehouse.duckdb",
      "warehouse.bigquery.dataset, my-dataset",
      "warehouse.bigquery.host,    bigquery.local:9050",
  })
  void badValuesFailNamingTheKey(String key, String value) {
    JsonObject cfg = new JsonObject().put("warehouse", new JsonObject().put("bigquery", new JsonObject().put("project", "p")));
    put(cfg, key, value);
    assertThatThrownBy(() -> WarehouseConfig.from(reader(cfg)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(key);
  }

  @Test
  void bigQueryNeedsAProject() {
    JsonObject cfg = new JsonObject().put("warehouse", new JsonObject().put("backend", "bigquery"));
    assertThatThrownBy(() -> WarehouseConfig.from(reader(cfg))).hasMessageContaining("warehouse.bigquery.project");
  }

  private static ConfigReader reader(JsonObject tree) {
    return ConfigReader.of(tree.copy().put("$env", new JsonObject()));
  }

  private static void put(JsonObject root, String dotted, String value) {
    String[] parts = dotted.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!(node.getValue(parts[i]) instanceof JsonObject)) {
        node.put(parts[i], new JsonObject());
      }
      node = node.getJsonObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }
}
