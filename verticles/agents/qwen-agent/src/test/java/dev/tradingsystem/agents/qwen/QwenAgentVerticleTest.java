package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class QwenAgentVerticleTest {

  private static final long T = DislocationScannerTest.T;

  @Test
  void sellingPressureIsPublishedAsAShortSignal(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    var published = ctx.checkpoint();
    var answered = ctx.checkpoint();
    vertx.eventBus().<AgentSignal>consumer(Addresses.signals("qwen"), msg -> ctx.verify(() -> {
      assertThat(msg.body().getDirection()).isEqualTo(Direction.SHORT);
      published.flag();
    })).completion()
        .compose(v -> vertx.deployVerticle(new QwenAgentVerticle(), new DeploymentOptions().setConfig(new JsonObject())))
        .compose(id -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.QWEN)
            .analyze(MicrostructureModelTest.features(-0.6, -0.5, -1.0, 2, 1.0)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.SHORT);
          assertThat(signal.getModelId()).isEqualTo(MicrostructureModel.MODEL_ID);
          assertThat(signal.getHorizonSec()).isEqualTo(MicrostructureConfig.DEFAULT_HORIZON_SEC);
          answered.flag();
        })));
  }

  /**
   * alpha quotes BTC/USD 99.90 / 100.00 on {@code market.quotes}; beta's book arrives as a
   * snapshot on {@code market.books} with 100.50 bid. With alpha's taker fee configured at 10 bps
   * and beta on the default 10 bps, buying on alpha and selling on beta nets 29.91 bps: a quiet
   * alpha tape is analysed LONG. A crossed quote and a foreign body are dead-lettered on the way.
   */
  @Test
  void quotesOfTwoVenuesMakeACheapVenueLong(Vertx vertx, VertxTestContext ctx) {
    ProtobufCodecs.registerAll(vertx);
    double crossedBefore = TradingMetrics.rejected("agents", "qwen", "crossed_quote").count();
    Set<String> deadReasons = new HashSet<>();
    Promise<Void> bothDead = Promise.promise();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> {
      deadReasons.add(msg.body().getReason().substring(0, msg.body().getReason().indexOf(':')));
      if (deadReasons.size() == 2) {
        bothDead.tryComplete();
      }
    });
    JsonObject config = new JsonObject().put("agents", new JsonObject().put("qwen",
        new JsonObject().put("fees", new JsonObject().put("alpha", 10.0).put("default", 10.0))));
    Instrument alpha = Instrument.newBuilder().setSymbol("BTC/USD").setVenue("alpha").setPriceScale(2).setSizeScale(8).build();
    Instrument beta = alpha.toBuilder().setVenue("beta").build();
    vertx.deployVerticle(new QwenAgentVerticle(), new DeploymentOptions().setConfig(config))
        .compose(id -> {
          vertx.eventBus().publish(Addresses.MARKET_QUOTES, Quote.newBuilder().setMeta(meta(T - 100_000))
              .setInstrument(alpha).setBidPrice(9_990).setBidSize(100_000_000).setAskPrice(10_000)
              .setAskSize(100_000_000).build());
          vertx.eventBus().publish(Addresses.MARKET_BOOKS, BookSnapshot.newBuilder().setMeta(meta(T - 50_000))
              .setInstrument(beta)
              .addBids(TopOfBookReaderTest.level(10_050, 100_000_000))
              .addAsks(TopOfBookReaderTest.level(10_060, 100_000_000)).build());
          // Consumers handle their address in order: once these two are dead-lettered, the good
          // quote and book before them are on the board.
          vertx.eventBus().publish(Addresses.MARKET_QUOTES, Quote.newBuilder().setMeta(meta(T - 10_000))
              .setInstrument(alpha.toBuilder().setVenue("gamma")).setBidPrice(10_100).setBidSize(1)
              .setAskPrice(10_000).setAskSize(1).build());
          vertx.eventBus().publish(Addresses.MARKET_BOOKS, "not a book");
          return bothDead.future();
        })
        .compose(v -> ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.QWEN)
            .analyze(MicrostructureArbitrageTest.features("alpha", 0.0, T)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(deadReasons).containsExactlyInAnyOrder("crossed_quote", "unexpected_message");
          assertThat(TradingMetrics.rejected("agents", "qwen", "crossed_quote").count()).isEqualTo(crossedBefore + 1);
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(signal.getRationale())
              .contains("arb=[cross-venue buy BTC/USD@alpha 100.0 > sell BTC/USD@beta 100.5] edge=29.91bps");
          ctx.completeNow();
        })));
  }

  private static Meta meta(long eventTimeUs) {
    return Meta.newBuilder().setId("md-" + eventTimeUs).setEventTimeUs(eventTimeUs).build();
  }
}
