package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.cache.FeatureSnapshotCache;
import dev.tradingsystem.shared.cache.Cache;
import dev.tradingsystem.shared.cache.Caches;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.testing.RedisServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's storage side effects with real components: every replayed trade lands in the
 * DuckDB warehouse, and the latest feature vector per symbol lands in a real Redis.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CollectorStorageTest {

  @TempDir
  Path dir;

  @Test
  void tradesGoToTheWarehouseAndTheLatestFeaturesToRedis(Vertx vertx) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    Path csv = Files.writeString(dir.resolve("trades.csv"), DataCollectorVerticleTest.BAD_ROWS_CSV);
    try (RedisServer redis = RedisServer.start()) {
      JsonObject config = DataCollectorVerticleTest.replay(csv)
          .put("warehouse", new JsonObject().put("backend", "duckdb").put("dir", dir.toString())
              .put("flushIntervalMs", 50))
          .put("cache", new JsonObject().put("redis", new JsonObject().put("url", redis.url()))
              .put("snapshotFlushMs", 20));
      AtomicReference<FeatureVector> lastVector = new AtomicReference<>();
      Promise<ReplayProgress> completed = Promise.promise();
      vertx.eventBus().<FeatureVector>consumer(Addresses.FEATURES, msg -> lastVector.set(msg.body()));
      vertx.eventBus().<ReplayProgress>consumer(Addresses.REPLAY_PROGRESS, msg -> {
        if (msg.body().getCompleted()) {
          completed.tryComplete(msg.body());
        }
      });

      String id = DataCollectorVerticleTest.deploy(vertx, config).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      long ticks = completed.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).getTicks();
      // Undeploying flushes the warehouse batch and the last snapshots.
      vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
           ResultSet rows = db.createStatement().executeQuery("select count(*), max(seq) from trades")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(ticks);
        assertThat(rows.getLong(2)).isEqualTo(ticks);
      }
      Cache cache = Caches.create(vertx, ConfigReader.of(config));
      FeatureVector cached = new FeatureSnapshotCache(cache)
          .latest(lastVector.get().getInstrument().getSymbol(), 0)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(cached).isEqualTo(lastVector.get());
      cache.close();
    }
  }
}
