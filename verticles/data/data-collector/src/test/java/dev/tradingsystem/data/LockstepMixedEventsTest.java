package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.runtime.TickBarrier;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lockstep over a capture that interleaves trades with quotes and book updates: only trades are
 * ticks, and nothing numbered after a trade goes out before every participant finished that trade.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockstepMixedEventsTest {

  private static final String PARTICIPANT = "test-framework";
  private static final int EVENTS = 800;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  @Test
  void quotesAndBooksAfterATradeWaitForItsTickDone(Vertx vertx, VertxTestContext test) {
    String capture = SharedDataLocator.require("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz").toString();
    JsonObject config = new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("replay", new JsonObject()
            .put("data", capture)
            .put("awaitServices", new JsonArray().add(PARTICIPANT))
            .put("rollCallIntervalMs", 20)
            .put("lockstep", true)
            .put("maxTicks", EVENTS)
            .put("progressEvery", 1_000_000)
            .put("barrierTimeoutMs", 10_000));
    long[] outstandingTick = {0};
    List<Long> violations = new CopyOnWriteArrayList<>();
    List<Long> ticks = new CopyOnWriteArrayList<>();
    Context participant = vertx.getOrCreateContext();
    Promise<Void> consuming = Promise.promise();
    participant.runOnContext(v -> {
      var any = List.of(
          vertx.eventBus().<Trade>consumer(Addresses.MARKET_TRADES, m -> check(m.body().getMeta(), outstandingTick, violations)),
          vertx.eventBus().<Quote>consumer(Addresses.MARKET_QUOTES, m -> check(m.body().getMeta(), outstandingTick, violations)),
          vertx.eventBus().<Object>consumer(Addresses.MARKET_BOOKS, m -> check(m.body() instanceof BookSnapshot s
              ? s.getMeta() : ((BookDelta) m.body()).getMeta(), outstandingTick, violations)),
          vertx.eventBus().<FeatureVector>consumer(Addresses.FEATURES, m -> {
            Meta meta = m.body().getMeta();
            outstandingTick[0] = meta.getSeq();
            ticks.add(meta.getSeq());
            // Answer a little later, as a framework would: a collector that did not wait would
            // publish the next quote or book update in the meantime.
            vertx.setTimer(1, id -> {
              outstandingTick[0] = 0;
              TickBarrier.done(vertx, PARTICIPANT, meta, 0);
            });
          }));
      Future.all(any.stream().map(c -> c.completion()).toList()).<Void>mapEmpty().onComplete(consuming);
    });

    ReplayTape.record(vertx)
        .compose(tape -> consuming.future()
            .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
                .setService(PARTICIPANT).setInstanceId("test").setTickParticipant(true).build()))
            .compose(v -> DataCollectorVerticleTest.deploy(vertx, config))
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              assertThat(violations).as("events published while a tick was outstanding").isEmpty();
              assertThat(stats.getLong("barrierTimeouts")).isZero();
              assertThat(stats.getLong("ticks")).isEqualTo(EVENTS);
              assertThat(ticks).isNotEmpty().hasSameSizeAs(tape.trades);
              assertThat(tape.quotes.size() + tape.books.size() + tape.trades.size()).isEqualTo(EVENTS);
              test.completeNow();
            }))));
  }

  private static void check(Meta meta, long[] outstandingTick, List<Long> violations) {
    if (outstandingTick[0] != 0 && meta.getSeq() > outstandingTick[0]) {
      violations.add(meta.getSeq());
    }
  }
}
