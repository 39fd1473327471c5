package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.coordinator.state.DecisionRecord;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning over a replay of real Bitstamp BTC/USD trades. The test plays data-collector and
 * portfolio: for each trade it fills the order placed on the previous decision at this trade's
 * price, publishes the trade's features, waits for the consensus and places one order on it
 * (market-maker style: every decision trades). deepseek knows where the price will be one
 * horizon after the fill, qwen says the opposite, fingpt runs in the shadow always long. Over
 * the replay deepseek gains weight, qwen loses it, fingpt never reaches a published consensus;
 * a restarted coordinator comes back with the learned weights, and a promoted fingpt joins.
 */
@ExtendWith(VertxExtension.class)
class WeightLearningReplayTest {

  private static final int TICKS = 400;
  private static final int HORIZON_SEC = 60;
  private static final double MIN_MOVE_BPS = 1.0;
  private static final int PRICE_SCALE = Instruments.BITSTAMP_BTC_USD.getPriceScale();

  @TempDir
  Path dir;

  private final List<Long> timesUs = new ArrayList<>();
  private final List<Double> prices = new ArrayList<>();
  private final Map<Long, Promise<Consensus>> waiting = new ConcurrentHashMap<>();
  private final List<Consensus> published = new ArrayList<>();

  @Test
  void aWrongAgentLosesWeightARightOneGainsAndTheShadowNeverTrades(Vertx vertx, VertxTestContext testContext)
      throws Throwable {
    loadTrades(SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv"), TICKS + 1);
    ProtobufCodecs.registerAll(vertx);
    Path weightsFile = dir.resolve("coordinator-weights.json");
    JsonObject config = new JsonObject().put("coordinator", new JsonObject()
        .put("agents", "deepseek-agent,qwen-agent")
        .put("shadowAgents", "fingpt-agent")
        .put("agentTimeoutMs", 5_000)
        .put("quorum", new JsonObject().put("min", 2))
        .put("learning", new JsonObject().put("minMoveBps", MIN_MOVE_BPS))
        .put("weights", new JsonObject().put("file", weightsFile.toString())));
    McpCoordinatorVerticle first = new McpCoordinatorVerticle();
    McpCoordinatorVerticle second = new McpCoordinatorVerticle();
    JsonObject[] learned = new JsonObject[1];

    vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS, m -> {
      published.add(m.body());
      Promise<Consensus> promise = waiting.remove(m.body().getMeta().getSeq());
      if (promise != null) {
        promise.complete(m.body());
      }
    }).completion()
        .compose(v -> Future.all(
            vertx.deployVerticle(new ScriptedAgent(ServiceNames.DEEPSEEK, r -> call(r, "deepseek", oracle(r)))),
            vertx.deployVerticle(new ScriptedAgent(ServiceNames.QWEN, r -> call(r, "qwen", -oracle(r)))),
            vertx.deployVerticle(new ScriptedAgent(ServiceNames.FINGPT, r -> call(r, "fingpt", 1)))))
        .compose(v -> vertx.deployVerticle(first, new DeploymentOptions().setConfig(config)))
        .compose(id -> replay(vertx, 0).compose(v -> ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 5_000))
            .onSuccess(stats -> learned[0] = stats)
            .compose(stats -> vertx.undeploy(id)))
        .compose(v -> vertx.deployVerticle(second, new DeploymentOptions().setConfig(config)))
        .compose(id -> ServiceStats.fetch(vertx, ServiceNames.MCP_COORDINATOR, 5_000))
        .compose(restarted -> {
          testContext.verify(() -> verifyLearning(learned[0], first, weightsFile));
          testContext.verify(() -> assertThat(restarted.getJsonObject("weights").getMap())
              .as("a restart restores the learned weights").isEqualTo(learned[0].getJsonObject("weights").getMap()));
          assertThat(second.state().promote("fingpt")).isTrue();
          return decide(vertx, TICKS);
        })
        .onComplete(testContext.succeeding(afterPromotion -> testContext.verify(() -> {
          assertThat(afterPromotion.getSignalsList()).extracting(AgentSignal::getAgent)
              .as("promoted: fingpt's signal is now part of the consensus").containsExactly("deepseek", "qwen", "fingpt");
          testContext.completeNow();
        })));

    assertThat(testContext.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    if (testContext.failed()) {
      throw testContext.causeOfFailure();
    }
  }

  private void verifyLearning(JsonObject stats, McpCoordinatorVerticle coordinator, Path weightsFile) throws IOException {
    JsonObject weights = stats.getJsonObject("weights");
    JsonObject scored = stats.getJsonObject("learning").getJsonObject("scored");
    assertThat(scored.getJsonObject("deepseek").getLong("hit")).isGreaterThan(100);
    assertThat(scored.getJsonObject("deepseek").getLong("miss", 0L)).isZero();
    assertThat(scored.getJsonObject("qwen").getLong("miss")).isEqualTo(scored.getJsonObject("deepseek").getLong("hit"));
    assertThat(weights.getDouble("deepseek")).as("the right agent gains").isGreaterThan(1.8);
    assertThat(weights.getDouble("qwen")).as("the wrong agent sinks to the floor").isCloseTo(0.1, within(1e-9));
    // TICKS - 1 fills; the last waits for a market event after it, which this replay never sends.
    assertThat(stats.getJsonObject("learning").getLong("attributedFills")).isEqualTo(TICKS - 2);
    assertThat(stats.getJsonObject("learning").getLong("queuedFills")).isEqualTo(1);

    // The late consensus follows the agent that has been right.
    Consensus last = published.get(TICKS - 1);
    AgentSignal deepseek = last.getSignals(0);
    if (deepseek.getDirection() != Direction.FLAT) {
      assertThat(last.getDirection()).isEqualTo(deepseek.getDirection());
    }
    assertThat(published).hasSize(TICKS);
    assertThat(published).allSatisfy(c -> assertThat(c.getSignalsList()).extracting(AgentSignal::getAgent)
        .as("the shadow never reaches a published consensus").containsExactly("deepseek", "qwen"));
    assertThat(stats.getJsonObject("shadow").getJsonObject("fingpt").getLong("signals")).isEqualTo(TICKS);
    assertThat(stats.getJsonObject("shadow").getJsonObject("fingpt").getBoolean("promoted")).isFalse();
    assertThat(scored.getJsonObject("fingpt")).as("the shadow is scored like the panel").isNotNull();

    DecisionRecord record = coordinator.state().explain("o-100").orElseThrow();
    assertThat(record.traceId()).isEqualTo("t-100");
    assertThat(record.contributions()).extracting(c -> c.agent()).containsExactly("deepseek", "qwen");
    assertThat(record.shadow()).extracting(c -> c.agent()).containsExactly("fingpt");
    assertThat(record.orderIds()).containsExactly("o-100");
    assertThat(record.weights()).containsKeys("deepseek", "qwen", "fingpt");
    assertThat(coordinator.state().latestSignals("BTC/USD")).extracting(s -> s.agent()).contains("deepseek", "qwen", "fingpt");
    assertThat(TradingMetrics.scrape()).contains("trading_coordinator_agent_weight{agent=\"qwen\"} 0.1")
        .contains("trading_coordinator_scored_calls_total{agent=\"deepseek\",outcome=\"hit\"}");
    assertThat(Files.readString(weightsFile)).contains("\"deepseek\"").contains("\"alpha\"");
  }

  /** Ticks {@code from}..TICKS-1: fill the previous decision's order, publish features, await, place an order. */
  private Future<Void> replay(Vertx vertx, int tick) {
    if (tick == TICKS) {
      return Future.succeededFuture();
    }
    if (tick > 0) {
      vertx.eventBus().publish(Addresses.EXECUTIONS, fill(tick));
    }
    return decide(vertx, tick).compose(consensus -> {
      vertx.eventBus().publish(Addresses.ORDERS, Order.newBuilder()
          .setMeta(Metas.derive(consensus.getMeta(), "o-" + seq(tick)))
          .setOrderId("o-" + seq(tick))
          .setStrategyId("test.mm")
          .setInstrument(Instruments.BITSTAMP_BTC_USD)
          .setSide(consensus.getScore() >= 0 ? Side.BUY : Side.SELL)
          .setStatus(OrderStatus.ACCEPTED)
          .build());
      return replay(vertx, tick + 1);
    });
  }

  private Future<Consensus> decide(Vertx vertx, int tick) {
    Promise<Consensus> promise = Promise.promise();
    waiting.put(seq(tick), promise);
    vertx.eventBus().publish(Addresses.FEATURES, FeatureVector.newBuilder()
        .setMeta(meta(tick, "md-" + seq(tick)))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setPrice(prices.get(tick))
        .setMid(prices.get(tick))
        .build());
    return promise.future();
  }

  /** The order placed on decision tick-1 fills at trade {@code tick}'s price. */
  private Execution fill(int tick) {
    return Execution.newBuilder()
        .setMeta(meta(tick, "ex-" + seq(tick)))
        .setExecutionId("ex-" + seq(tick))
        .setOrderId("o-" + seq(tick - 1))
        .setStrategyId("test.mm")
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setPrice(FixedPoint.toUnits(prices.get(tick), PRICE_SCALE))
        .setQuantity(1_000_000)
        .build();
  }

  /**
   * +1 / -1 when the price one horizon after the coming fill (at the next trade) is at least the
   * minimum move above / below the fill price, 0 otherwise: the coordinator's own mark-out rule.
   */
  private int oracle(AnalyzeRequest request) {
    int fillTick = (int) request.getFeatures().getMeta().getSeq();
    if (fillTick >= prices.size()) {
      return 0;
    }
    long dueUs = timesUs.get(fillTick) + HORIZON_SEC * 1_000_000L;
    for (int k = fillTick + 1; k < prices.size(); k++) {
      if (timesUs.get(k) >= dueUs) {
        double move = (prices.get(k) / prices.get(fillTick) - 1) * 10_000;
        return move >= MIN_MOVE_BPS ? 1 : move <= -MIN_MOVE_BPS ? -1 : 0;
      }
    }
    return 0;
  }

  private static AgentSignal call(AnalyzeRequest request, String agent, int lean) {
    return AgentSignal.newBuilder()
        .setMeta(Metas.derive(request.getMeta(), agent + "-" + request.getMeta().getSeq()))
        .setAgent(agent)
        .setSymbol(request.getFeatures().getInstrument().getSymbol())
        .setDirection(lean > 0 ? Direction.LONG : lean < 0 ? Direction.SHORT : Direction.FLAT)
        .setStrength(0.5)
        .setConfidence(0.8)
        .setHorizonSec(HORIZON_SEC)
        .build();
  }

  private Meta meta(int tick, String id) {
    return Meta.newBuilder().setId(id).setSeq(seq(tick)).setTraceId("t-" + seq(tick)).setEventTimeUs(timesUs.get(tick)).build();
  }

  private static long seq(int tick) {
    return tick + 1L;
  }

  private void loadTrades(Path csv, int count) throws IOException {
    try (Stream<String> lines = Files.lines(csv)) {
      lines.skip(1).limit(count).forEach(line -> {
        String[] fields = line.split(",");
        timesUs.add(Long.parseLong(fields[0]) * 1_000_000L);
        prices.add(FixedPoint.toDouble(FixedPoint.parseUnits(fields[1], PRICE_SCALE), PRICE_SCALE));
      });
    }
  }
}
