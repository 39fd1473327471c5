package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.frameworks.runtime.testing.PipelineMessages;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test framework whose decisions are fixed by the price: one market buy per tick, none at a
 * zero score, an exception at {@link #FAILING_PRICE}; a negative volatility is its own bad input.
 * It logs what the pipeline showed it, so tests can see order and snapshots.
 */
final class ScriptedFramework extends FrameworkVerticle {

  static final String SERVICE = "scripted-framework";
  static final String STRATEGY_ID = SERVICE + ".scripted";
  static final double FAILING_PRICE = 13.0;
  static final long T0_US = 1_385_337_600_000_000L;
  /** An extra input, like the market maker's risk status: everything sent here is rejected. */
  static final String EXTRA_INPUT = "scripted.extra";

  /**
   * "observe-N", "decide-N@P" (P: the snapshot's seq), in call order, marked "(off context)" when
   * the pipeline called from another thread than the verticle's; the test may add its own.
   */
  final List<String> events = new CopyOnWriteArrayList<>();

  ScriptedFramework() {
    super(SERVICE);
  }

  static Consensus consensus(long seq, double price) {
    FeatureVector features = FeatureVector.newBuilder().setMeta(PipelineMessages.meta(seq, T0_US + seq))
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(price).setMid(price).setVolatility(0.001).build();
    return Consensus.newBuilder().setMeta(PipelineMessages.meta(seq, T0_US + seq))
        .setSymbol(Instruments.BITSTAMP_BTC_USD.getSymbol()).setScore(0.5).setFeatures(features).build();
  }

  static PortfolioState state(long seq) {
    return PipelineMessages.state(seq, T0_US + seq);
  }

  @Override
  protected FrameworkSetup configure(ConfigReader config) {
    eventLoop = Thread.currentThread();
    StrategyIntents intents = new StrategyIntents(STRATEGY_ID);
    TickParticipant participant = new TickParticipant() {
      @Override
      public String strategyId() {
        return STRATEGY_ID;
      }

      @Override
      public String inputProblem(Consensus consensus) {
        return consensus.getFeatures().getVolatility() < 0 ? "invalid-features" : null;
      }

      @Override
      public void observe(Consensus consensus) {
        events.add(onContext("observe-" + consensus.getMeta().getSeq()));
      }

      @Override
      public List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio) {
        events.add(onContext("decide-" + consensus.getMeta().getSeq() + "@" + portfolio.getMeta().getSeq()));
        if (consensus.getFeatures().getPrice() == FAILING_PRICE) {
          throw new IllegalStateException("model file went missing");
        }
        if (consensus.getScore() == 0) {
          return List.of();
        }
        return List.of(intents.newOrder(consensus.getMeta(), consensus.getFeatures().getInstrument(), Side.BUY,
                Math.round(consensus.getFeatures().getPrice() * 100), "scripted")
            .setType(OrderType.MARKET).setQuantity(1_000_000).setTimeInForce(TimeInForce.GTC).build());
      }
    };
    return new FrameworkSetup(participant,
        config.integer("scripted.portfolioWaitMillis", 2_000L, 1, 600_000),
        config.integer("scripted.riskTimeoutMillis", 5_000L, 1, 600_000));
  }

  /** The verticle's event-loop thread (event-bus handlers run on duplicates of its context). */
  private Thread eventLoop;

  private String onContext(String event) {
    return Thread.currentThread() == eventLoop ? event : event + " (off context)";
  }

  @Override
  protected Future<?> startInputs() {
    return own(vertx.eventBus().consumer(EXTRA_INPUT, msg -> reject("scripted-extra", Meta.getDefaultInstance(), msg.body())))
        .completion();
  }

  @Override
  protected JsonObject statsJson() {
    return super.statsJson().put("strategy", STRATEGY_ID);
  }
}
