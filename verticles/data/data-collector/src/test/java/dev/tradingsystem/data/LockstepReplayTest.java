package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.runtime.TickBarrier;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The test plays a framework on the replay barrier: it announces itself as a tick participant. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockstepReplayTest {

  private static final String PARTICIPANT = "test-framework";
  private static final int TRADES = 20;

  @TempDir
  Path dir;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  private JsonObject lockstepConfig(long barrierTimeoutMs) throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,price,amount\n");
    for (int i = 0; i < TRADES; i++) {
      csv.append(1_385_337_600 + i).append(',').append(800 + i % 3).append(".00,0.5\n");
      if (i == 10) {
        csv.append("1385337000,800.00,0.5\n"); // out of order: rejected, consumes no seq
      }
    }
    Path file = Files.writeString(dir.resolve("lockstep.csv"), csv);
    return new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("replay", new JsonObject()
            .put("data", file.toString())
            .put("awaitServices", new JsonArray().add(PARTICIPANT))
            .put("rollCallIntervalMs", 20)
            .put("lockstep", true)
            .put("barrierTimeoutMs", barrierTimeoutMs));
  }

  private static Future<Void> announce(Vertx vertx) {
    return RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
        .setService(PARTICIPANT).setInstanceId("test").setTickParticipant(true).build()).mapEmpty();
  }

  @Test
  void publishesTickNPlusOneOnlyAfterTickDoneForN(Vertx vertx, VertxTestContext test) throws IOException {
    JsonObject config = lockstepConfig(10_000);
    List<Long> seen = new CopyOnWriteArrayList<>();
    long[] lastDone = {0};
    Context participant = vertx.getOrCreateContext();
    Promise<Void> consuming = Promise.promise();
    participant.runOnContext(v -> {
      var trades = vertx.eventBus().<Trade>consumer(Addresses.MARKET_TRADES, msg -> {
        long seq = msg.body().getMeta().getSeq();
        test.verify(() -> assertThat(seq).as("trade %d arrived before TickDone(%d)", seq, seq - 1)
            .isEqualTo(lastDone[0] + 1));
      });
      var features = vertx.eventBus().<FeatureVector>consumer(Addresses.FEATURES, msg -> {
        FeatureVector vector = msg.body();
        seen.add(vector.getMeta().getSeq());
        // Finish the tick a little later, as a framework would after its risk checks: a collector
        // that did not wait would publish the next tick in the meantime.
        vertx.setTimer(3, id -> {
          lastDone[0] = vector.getMeta().getSeq();
          TickBarrier.done(vertx, PARTICIPANT, vector.getMeta(), 0);
        });
      });
      Future.all(trades.completion(), features.completion()).<Void>mapEmpty().onComplete(consuming);
    });

    ReplayTape.record(vertx)
        .compose(tape -> consuming.future()
            .compose(v -> announce(vertx))
            .compose(v -> DataCollectorVerticleTest.deploy(vertx, config))
            .compose(id -> tape.completed()))
        .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000).map(stats -> {
          test.verify(() -> {
            assertThat(done.getTicks()).isEqualTo(TRADES);
            assertThat(done.getRejected()).isEqualTo(1);
            assertThat(stats.getLong("barrierTimeouts")).isZero();
            assertThat(stats.getJsonArray("lockstepParticipants").getList()).containsExactly(PARTICIPANT);
          });
          return done;
        }))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, TRADES).boxed().toList());
          test.completeNow();
        })));
  }

  @Test
  void aSilentParticipantCostsOneBarrierTimeoutPerTick(Vertx vertx, VertxTestContext test) throws IOException {
    JsonObject config = lockstepConfig(20);

    ReplayTape.record(vertx)
        .compose(tape -> announce(vertx)
            .compose(v -> DataCollectorVerticleTest.deploy(vertx, config))
            .compose(id -> tape.completed()))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertThat(done.getTicks()).isEqualTo(TRADES);
          assertThat(done.getBarrierTimeouts()).isEqualTo(TRADES);
          test.completeNow();
        })));
  }
}
