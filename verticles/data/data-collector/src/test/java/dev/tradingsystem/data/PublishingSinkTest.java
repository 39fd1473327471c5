package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pushing source gets the same numbering, books and dead letters as a replay. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PublishingSinkTest {

  @Test
  void pushedEventsAreNumberedAndPublishedLikeReplayedOnes(Vertx vertx, VertxTestContext test) {
    ProtobufCodecs.registerAll(vertx);
    List<Object> published = new CopyOnWriteArrayList<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      var consumers = List.of(
          vertx.eventBus().consumer(Addresses.MARKET_TRADES, m -> published.add(m.body())),
          vertx.eventBus().consumer(Addresses.FEATURES, m -> published.add(m.body())),
          vertx.eventBus().consumer(Addresses.MARKET_BOOKS, m -> published.add(m.body())),
          vertx.eventBus().consumer(Addresses.DEAD_LETTER, m -> published.add(m.body())));
      Future.all(consumers.stream().map(c -> c.completion()).toList()).onComplete(test.succeeding(all -> {
        ReplayStats stats = new ReplayStats("live:test");
        PublishingSink sink = new PublishingSink(new ReplayPublisher(vertx.eventBus(), FeatureConfig.defaults(),
            Instruments.BITSTAMP_BTC_USD, stats));
        Meta time = Meta.newBuilder().setEventTimeUs(1_000_000).build();
        sink.onBookDelta(BookDelta.newBuilder().setMeta(time).setFirstUpdateId(5).setLastUpdateId(6).build());
        sink.onBookSnapshot(BookSnapshot.newBuilder().setMeta(time).setLastUpdateId(6)
            .addBids(BookLevel.newBuilder().setPrice(9_999).setSize(1))
            .addAsks(BookLevel.newBuilder().setPrice(10_001).setSize(1)).build());
        sink.onTrade(Trade.newBuilder().setMeta(time).setInstrument(Instruments.BITSTAMP_BTC_USD)
            .setPrice(10_000).setSize(5).setAggressor(Side.BUY).setTradeId("1").build());
        sink.onRejected("live", "unparseable", "{oops");
        vertx.setPeriodic(5, id -> {
          if (published.size() < 4) {
            return;
          }
          vertx.cancelTimer(id);
          test.verify(() -> {
            assertThat(published.get(0)).as("the buffered delta is folded into the first snapshot")
                .isInstanceOfSatisfying(BookSnapshot.class, s -> assertThat(s.getMeta().getId()).isEqualTo("md-1"));
            assertThat(published.get(1)).isInstanceOfSatisfying(Trade.class,
                t -> assertThat(t.getMeta().getId()).isEqualTo("md-2"));
            assertThat(published.get(2)).isInstanceOfSatisfying(FeatureVector.class, f -> {
              assertThat(f.getMeta().getSeq()).isEqualTo(2);
              assertThat(f.getBestBid()).as("the book reached the features").isEqualTo(99.99);
            });
            assertThat(published.get(3)).isInstanceOfSatisfying(DeadLetter.class,
                d -> assertThat(d.getReason()).isEqualTo("unparseable"));
            assertThat(stats.rejectedByReason()).containsEntry("unparseable", 1L);
            test.completeNow();
          });
        });
      }));
    });
  }
}
