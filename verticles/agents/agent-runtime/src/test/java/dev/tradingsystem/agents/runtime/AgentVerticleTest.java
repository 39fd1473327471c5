package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.SignalSubscription;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AgentVerticleTest {

  private static final String SERVICE = ScriptedAgentVerticle.SERVICE;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  static AnalyzeRequest request(long seq, String symbol, double price) {
    Meta meta = Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(1_385_337_600_000_000L + seq).setIngestTimeUs(42).build();
    FeatureVector features = FeatureVector.newBuilder().setMeta(meta)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol))
        .setPrice(price).setMid(price).build();
    return AnalyzeRequest.newBuilder().setMeta(meta).setFeatures(features).build();
  }

  private static Future<String> deploy(Vertx vertx, JsonObject config) {
    return vertx.deployVerticle(new ScriptedAgentVerticle(), new DeploymentOptions().setConfig(config));
  }

  private static AgentService agent(Vertx vertx) {
    return ServiceRegistry.of(vertx).lookup(AgentService.class, SERVICE);
  }

  @Test
  void answersAndPublishesNonFlatSignals(Vertx vertx, VertxTestContext ctx) {
    var published = ctx.checkpoint();
    var answered = ctx.checkpoint();
    vertx.eventBus().<AgentSignal>consumer(Addresses.signals("scripted"), msg -> ctx.verify(() -> {
      assertThat(msg.body().getDirection()).isEqualTo(Direction.LONG);
      assertThat(msg.body().getMeta().getId()).isEqualTo("sig-scripted-md-7");
      published.flag();
    })).completion()
        .compose(v -> deploy(vertx, new JsonObject()))
        .compose(id -> agent(vertx).analyze(request(7, "BTC/USD", 250)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getAgent()).isEqualTo("scripted");
          assertThat(signal.getModelId()).isEqualTo("scripted-builtin-v1");
          assertThat(signal.getSymbol()).isEqualTo("BTC/USD");
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(signal.getStrength()).isEqualTo(0.8);
          assertThat(signal.getDegraded()).isFalse();
          assertThat(signal.getMeta().getTraceId()).isEqualTo("t-7");
          assertThat(signal.getMeta().getSeq()).isEqualTo(7);
          assertThat(signal.getMeta().getIngestTimeUs()).isEqualTo(42);
          assertThat(TradingMetrics.scrape())
              .contains("trading_agent_signals_total{agent=\"scripted\",direction=\"long\"}")
              .contains("trading_agent_analyze_seconds_count{agent=\"scripted\",backend=\"builtin\"}");
          answered.flag();
        })));
  }

  @Test
  void flatIsAnsweredButNotPublished(Vertx vertx, VertxTestContext ctx) {
    AgentService agent = agent(vertx);
    deploy(vertx, new JsonObject())
        .compose(id -> agent.analyze(request(1, "BTC/USD", 100)))
        .compose(flat -> {
          ctx.verify(() -> assertThat(flat.getDirection()).isEqualTo(Direction.FLAT));
          return agent.analyze(request(2, "BTC/USD", 40));
        })
        .compose(shortSignal -> ServiceStats.fetch(vertx, SERVICE, 1_000))
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(stats.getLong("requests")).isEqualTo(2);
          assertThat(stats.getLong("signals")).isEqualTo(1);
          assertThat(stats.getLong("degraded")).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  void malformedRequestsFailCleanlyAndTheAgentKeepsAnswering(Vertx vertx, VertxTestContext ctx) {
    var deadLetters = ctx.checkpoint(3);
    var answered = ctx.checkpoint();
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> ctx.verify(() -> {
      assertThat(msg.body().getSource()).isEqualTo(SERVICE);
      deadLetters.flag();
    }));
    AgentService agent = agent(vertx);
    AnalyzeRequest noFeatures = AnalyzeRequest.newBuilder().setMeta(request(1, "BTC/USD", 1).getMeta()).build();
    AnalyzeRequest nanPrice = request(2, "BTC/USD", Double.NaN);
    AnalyzeRequest badSymbol = request(3, "btcusd", 100);
    deploy(vertx, new JsonObject())
        .compose(id -> expectRejected(ctx, agent.analyze(noFeatures), "missing_features"))
        .compose(v -> expectRejected(ctx, agent.analyze(nanPrice), "invalid_price"))
        .compose(v -> expectRejected(ctx, agent.analyze(badSymbol), "invalid_symbol"))
        .compose(v -> agent.analyze(request(4, "BTC/USD", 300)))
        .onComplete(ctx.succeeding(signal -> ctx.verify(() -> {
          assertThat(signal.getDirection()).isEqualTo(Direction.LONG);
          assertThat(TradingMetrics.scrape())
              .contains("trading_agents_rejected_total{reason=\"invalid_price\",source=\"scripted\"}");
          answered.flag();
        })));
  }

  @Test
  void aFailingModelAnswersDegradedFlat(Vertx vertx, VertxTestContext ctx) {
    AgentService agent = agent(vertx);
    deploy(vertx, new JsonObject())
        .compose(id -> agent.analyze(request(1, "BTC/USD", ScriptedAgentVerticle.FAILING_PRICE)))
        .compose(degraded -> {
          ctx.verify(() -> {
            assertThat(degraded.getDirection()).isEqualTo(Direction.FLAT);
            assertThat(degraded.getDegraded()).isTrue();
            assertThat(degraded.getDegradedReason()).contains("model blew up");
            assertThat(degraded.getConfidence()).isZero();
          });
          return agent.analyze(request(2, "BTC/USD", 250));
        })
        .compose(next -> {
          ctx.verify(() -> assertThat(next.getDirection()).isEqualTo(Direction.LONG));
          return ServiceStats.fetch(vertx, SERVICE, 1_000);
        })
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(stats.getLong("degraded")).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  void anUnknownBackendFailsDeploymentNamingTheKey(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = new JsonObject().put("agents", new JsonObject()
        .put("scripted", new JsonObject().put("backend", "vertex-ai")));
    deploy(vertx, config).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e.getMessage()).contains("agents.scripted.backend").contains("vertex-ai").contains("builtin");
      assertThat(ServiceRegistry.of(vertx).isLocal(AgentService.class, SERVICE)).isFalse();
      ctx.completeNow();
    })));
  }

  @Test
  void streamsOnlyTheSubscribedSymbols(Vertx vertx, VertxTestContext ctx) {
    AgentService agent = agent(vertx);
    deploy(vertx, new JsonObject())
        .compose(id -> agent.streamSignals(SignalSubscription.newBuilder().addSymbols("ETH/USD").build()))
        .onComplete(ctx.succeeding(stream -> {
          stream.handler(signal -> ctx.verify(() -> {
            assertThat(signal.getSymbol()).isEqualTo("ETH/USD");
            assertThat(signal.getMeta().getSeq()).isEqualTo(2);
            ctx.completeNow();
          }));
          agent.analyze(request(1, "BTC/USD", 250))
              .compose(v -> agent.analyze(request(2, "ETH/USD", 250)))
              .onFailure(ctx::failNow);
        }));
  }

  private static Future<Void> expectRejected(VertxTestContext ctx, Future<AgentSignal> call, String reason) {
    return call.transform(ar -> {
      ctx.verify(() -> {
        assertThat(ar.failed()).as("request should be rejected with " + reason).isTrue();
        assertThat(ar.cause()).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) ar.cause()).reason()).isEqualTo(reason);
      });
      return Future.succeededFuture();
    });
  }
}
