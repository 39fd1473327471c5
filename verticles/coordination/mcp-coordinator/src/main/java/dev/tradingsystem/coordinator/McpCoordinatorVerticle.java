package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentReply;
import dev.tradingsystem.coordinator.consensus.ConsensusBuilder;
import dev.tradingsystem.coordinator.consensus.FeatureCheck;
import dev.tradingsystem.coordinator.consensus.MinimumAnswers;
import dev.tradingsystem.coordinator.consensus.PanelRoster;
import dev.tradingsystem.coordinator.consensus.SignalScreen;
import dev.tradingsystem.coordinator.consensus.StaticWeights;
import dev.tradingsystem.coordinator.consensus.learning.WeightBook;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mcp-coordinator service: for every {@link FeatureVector} on {@link Addresses#FEATURES} it
 * asks the panel and the shadow agents in parallel and publishes exactly one {@link Consensus} on
 * {@link Addresses#CONSENSUS} (the frameworks and the replay barrier count on one per market
 * event), degraded and FLAT when the features are unusable or the agents fail. Orders on
 * {@link Addresses#ORDERS} and fills on {@link Addresses#EXECUTIONS} feed the learned weights;
 * {@link #state()} is the read model for operator tools.
 */
public final class McpCoordinatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(McpCoordinatorVerticle.class);
  private static final String AREA = "coordinator";
  private static final int DEAD_LETTER_PAYLOAD_CHARS = 2_000;

  private CoordinatorConfig config;
  private PanelRoster roster;
  private AgentPanel panel;
  private ConsensusBuilder consensus;
  private SignalScreen screen;
  private CoordinatorStats stats;
  private LearningDesk desk;
  private WeightStore store;
  private volatile CoordinatorState state;
  private volatile boolean ready;
  private long saveTimer = -1;

  @Override
  public Future<?> start() {
    config = CoordinatorConfig.from(ConfigReader.of(config()));
    roster = new PanelRoster(config.agents(), config.shadowAgents());
    panel = new AgentPanel(vertx, roster.members().everyone(), config.agentTimeoutMs());
    consensus = new ConsensusBuilder(new MinimumAnswers(config.quorum(), config.countDegraded()), config.minScore(),
        config.edgeScaleBps());
    screen = new SignalScreen(config.signalTtlMs());
    stats = new CoordinatorStats(config.agents(), config.shadowAgents());
    state = new CoordinatorState(roster, config.learningParams().maxDecisions());
    desk = new LearningDesk(new WeightBook(config.weights(), CoordinatorConfig.DEFAULT_WEIGHT, config.learningParams()),
        state, stats, consensus.fusion(), config.learningParams(), config.learning());
    store = new WeightStore(config.weightsFile());

    return restoreWeights().compose(v -> {
      MessageConsumer<Object> features = vertx.eventBus().consumer(Addresses.FEATURES, this::onFeaturesMessage);
      MessageConsumer<Object> orders = vertx.eventBus().consumer(Addresses.ORDERS, this::onOrderMessage);
      MessageConsumer<Object> fills = vertx.eventBus().consumer(Addresses.EXECUTIONS, this::onExecutionMessage);
      ProcessEndpoints.of(vertx).readiness(ServiceNames.MCP_COORDINATOR, () -> ready);
      return Future.all(features.completion(), orders.completion(), fills.completion(),
          ServiceStats.serve(vertx, ServiceNames.MCP_COORDINATOR, stats::toJson));
    }).compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.MCP_COORDINATOR)
            .setInstanceId(deploymentID())
            .setTickParticipant(false)
            .build()))
        .onSuccess(c -> {
          if (config.persistWeights()) {
            saveTimer = vertx.setPeriodic(config.persistIntervalMs(), id -> saveWeights());
          }
          ready = true;
          LOG.info("mcp-coordinator up: panel {}, shadows {}, deadline {} ms, quorum {} (degraded {}), min score {}, "
                  + "signal ttl {} ms, weights {}, learning {}, weights file {}",
              config.agents(), config.shadowAgents(), config.agentTimeoutMs(), config.quorum(),
              config.countDegraded() ? "count" : "do not count", config.minScore(), config.signalTtlMs(),
              desk.weights().asMap(), config.learning(), config.persistWeights() ? store.file() : "off");
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ProcessEndpoints.of(vertx).unregister(ServiceNames.MCP_COORDINATOR);
    if (saveTimer >= 0) {
      vertx.cancelTimer(saveTimer);
    }
    return saveWeights();
  }

  /**
   * The read model (weights, latest consensus and signals, decision records, promotion of shadow
   * agents); null before start. Safe to call from any thread.
   */
  public CoordinatorState state() {
    return state;
  }

  private void onFeaturesMessage(Message<Object> message) {
    if (message.body() instanceof FeatureVector features) {
      onFeatures(features);
    } else {
      // Without a FeatureVector there is no market event to answer for: keep it for inspection.
      reject(Addresses.FEATURES, "unexpected-type", Meta.getDefaultInstance(), describe(message.body()));
    }
  }

  private void onFeatures(FeatureVector features) {
    Optional<String> problem = FeatureCheck.problem(features);
    if (problem.isPresent()) {
      reject(Addresses.FEATURES, problem.get(), features.getMeta(), features.toString());
      stats.unusableFeatures();
      publish(consensus.unusable(features));
      return;
    }
    try {
      desk.onMarket(features);
    } catch (RuntimeException e) {
      // Learning is advisory: a fault there must never cost the tick its consensus.
      LOG.error("learning at seq {} failed: {}", features.getMeta().getSeq(), e.getMessage(), e);
    }
    StaticWeights weights = desk.weights();
    PanelRoster.Members members = roster.members();
    AnalyzeRequest request = AnalyzeRequest.newBuilder()
        .setMeta(Metas.derive(features.getMeta(), "ar-" + features.getMeta().getId()))
        .setFeatures(features)
        .build();
    panel.ask(members.everyone(), request).onComplete(ar -> {
      Consensus result;
      try {
        result = decide(features, members, weights, ar.result());
      } catch (RuntimeException e) {
        // Never skip a tick: the frameworks and the replay barrier wait for this message.
        LOG.error("consensus for seq {} failed, publishing FLAT: {}", features.getMeta().getSeq(), e.getMessage(), e);
        result = consensus.unusable(features);
      }
      publish(result);
    });
  }

  private Consensus decide(FeatureVector features, PanelRoster.Members members, StaticWeights weights,
                           List<AgentReply> replies) {
    long decisionTimeUs = features.getMeta().getEventTimeUs();
    SignalScreen.Screened onPanel = screen.screen(
        replies.stream().filter(r -> !members.isShadow(r.agent())).toList(), decisionTimeUs);
    SignalScreen.Screened inShadow = screen.screen(
        replies.stream().filter(r -> members.isShadow(r.agent())).toList(), decisionTimeUs);
    stats.panel(onPanel.answers(), onPanel.missing());
    stats.shadow(inShadow.answers(), inShadow.missing());
    if (!onPanel.missing().isEmpty()) {
      LOG.debug("seq {}: agents missing {}", features.getMeta().getSeq(), onPanel.missing());
    }
    ConsensusBuilder.Decision decision = consensus.decide(features, onPanel.answers(), onPanel.missing(), weights);
    try {
      desk.decided(features, decision, inShadow, weights);
    } catch (RuntimeException e) {
      LOG.error("recording decision seq {} failed: {}", features.getMeta().getSeq(), e.getMessage(), e);
    }
    return decision.consensus();
  }

  private void onOrderMessage(Message<Object> message) {
    if (message.body() instanceof Order order) {
      desk.onOrder(order);
    } else {
      reject(Addresses.ORDERS, "unexpected-type", Meta.getDefaultInstance(), describe(message.body()));
    }
  }

  private void onExecutionMessage(Message<Object> message) {
    if (message.body() instanceof Execution execution) {
      desk.onExecution(execution).ifPresent(reason ->
          reject(Addresses.EXECUTIONS, reason, execution.getMeta(), execution.toString()));
    } else {
      reject(Addresses.EXECUTIONS, "unexpected-type", Meta.getDefaultInstance(), describe(message.body()));
    }
  }

  private void publish(Consensus result) {
    stats.published(result);
    vertx.eventBus().publish(Addresses.CONSENSUS, result);
  }

  private Future<Void> restoreWeights() {
    if (!config.persistWeights()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(store::read).map(loaded -> {
      if (loaded.failed()) {
        LOG.error("learned weights not restored, starting from the configured weights: {}", loaded.problem());
        stats.weightsFileError("read", loaded.problem());
      } else if (!loaded.posteriors().isEmpty()) {
        List<String> unknown = desk.book().restore(loaded.posteriors());
        desk.publishWeights();
        LOG.info("learned weights restored from {}: {}{}", store.file(), desk.weights().asMap(),
            unknown.isEmpty() ? "" : " (ignored agents no longer configured: " + unknown + ")");
      }
      return null;
    });
  }

  private Future<Void> saveWeights() {
    if (!config.persistWeights() || desk == null || !desk.takeDirty()) {
      return Future.succeededFuture();
    }
    var standings = desk.book().standings();
    long eventTimeUs = desk.lastEventTimeUs();
    return vertx.<Void>executeBlocking(() -> {
      store.write(standings, eventTimeUs);
      return null;
    }).recover(e -> {
      LOG.error("learned weights not saved to {}: {}", store.file(), e.getMessage());
      stats.weightsFileError("write", String.valueOf(e.getMessage()));
      return Future.succeededFuture();
    });
  }

  private void reject(String source, String reason, Meta meta, String payload) {
    TradingMetrics.rejected(AREA, source, reason).increment();
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta)
        .setSource(source)
        .setReason(reason)
        .setPayload(payload.length() > DEAD_LETTER_PAYLOAD_CHARS ? payload.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : payload)
        .build());
  }

  private static String describe(Object body) {
    return body == null ? "null" : body.getClass().getSimpleName() + ": " + body;
  }
}
