package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentReply;
import dev.tradingsystem.coordinator.consensus.ConsensusBuilder;
import dev.tradingsystem.coordinator.consensus.FeatureCheck;
import dev.tradingsystem.coordinator.consensus.MinimumAnswers;
import dev.tradingsystem.coordinator.consensus.PanelRoster;
import dev.tradingsystem.coordinator.consensus.SignalScreen;
import dev.tradingsystem.coordinator.consensus.StaticWeights;
import dev.tradingsystem.coordinator.consensus.learning.WeightBook;
import dev.tradingsystem.coordinator.mcp.CoordinatorMcp;
import dev.tradingsystem.coordinator.mcp.RiskJson;
import dev.tradingsystem.coordinator.risk.RiskDamper;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.coordinator.state.DeskWatch;
import dev.tradingsystem.coordinator.state.MarketWatch;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
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
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mcp-coordinator service: for every {@link FeatureVector} on {@link Addresses#FEATURES} it
 * asks the panel and the shadow agents in parallel and publishes exactly one {@link Consensus} on
 * {@link Addresses#CONSENSUS} (the frameworks and the replay barrier count on one per market
 * event), degraded and FLAT when the features are unusable or the agents fail. Orders on
 * {@link Addresses#ORDERS} and fills on {@link Addresses#EXECUTIONS} feed the learned weights;
 * candle features, portfolio snapshots, trading-state changes and risk alerts are kept for the
 * MCP server ({@link CoordinatorMcp}, {@code /mcp}), which serves them with the read model to
 * assistants and agents. {@link #state()} is the read model behind those tools. The trading state
 * and the alerts also feed the {@link RiskDamper}, which sets {@code size_haircut} on every
 * consensus published.
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
  private MarketWatch market;
  private DeskWatch deskWatch;
  private RiskDamper damper;
  private volatile CoordinatorMcp mcp;
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
    market = new MarketWatch();
    deskWatch = new DeskWatch(config.mcp().recentAlerts());
    damper = new RiskDamper(config.risk());
    desk = new LearningDesk(new WeightBook(config.weights(), CoordinatorConfig.DEFAULT_WEIGHT, config.learningParams()),
        state, stats, consensus.fusion(), config.learningParams(), config.learning());
    store = new WeightStore(config.weightsFile());

    return restoreWeights().compose(v -> {
      ProcessEndpoints.of(vertx).readiness(ServiceNames.MCP_COORDINATOR, () -> ready);
      return Future.all(List.of(
          vertx.eventBus().consumer(Addresses.FEATURES, this::onFeaturesMessage).completion(),
          consume(Addresses.FEATURES_CANDLE, FeatureVector.class, this::onCandleFeatures),
          consume(Addresses.ORDERS, Order.class, desk::onOrder),
          consume(Addresses.EXECUTIONS, Execution.class, this::onExecution),
          consume(Addresses.PORTFOLIO_STATE, PortfolioState.class, deskWatch::portfolio),
          consume(Addresses.RISK_STATUS, TradingStatus.class, this::onRiskStatus),
          consume(Addresses.RISK_ALERTS, RiskAlert.class, this::onRiskAlert),
          ServiceStats.serve(vertx, ServiceNames.MCP_COORDINATOR, this::statsJson),
          mountMcp()));
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
                  + "signal ttl {} ms, weights {}, learning {}, weights file {}, MCP {}, WARNING haircut {} held {} s",
              config.agents(), config.shadowAgents(), config.agentTimeoutMs(), config.quorum(),
              config.countDegraded() ? "count" : "do not count", config.minScore(), config.signalTtlMs(),
              desk.weights().asMap(), config.learning(), config.persistWeights() ? store.file() : "off",
              mcp == null ? "off" : mcp.path(), config.risk().warningHaircut(), config.risk().holdMicros() / 1e6);
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ProcessEndpoints.of(vertx).unregister(ServiceNames.MCP_COORDINATOR);
    if (saveTimer >= 0) {
      vertx.cancelTimer(saveTimer);
    }
    Future<Void> closing = mcp == null ? Future.succeededFuture() : mcp.close();
    return closing.transform(ignored -> saveWeights());
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
      publish(consensus.unusable(features), 0);
      return;
    }
    market.observe(features);
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
    panel.ask(members.asked(), request).onComplete(ar -> {
      Consensus result;
      try {
        result = decide(features, members, weights, members.withPaused(ar.result()));
      } catch (RuntimeException e) {
        // Never skip a tick: the frameworks and the replay barrier wait for this message.
        LOG.error("consensus for seq {} failed, publishing FLAT: {}", features.getMeta().getSeq(), e.getMessage(), e);
        result = consensus.unusable(features);
      }
      publish(result, features.getMeta().getEventTimeUs());
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

  /** A trading-state change: kept for the MCP tools and obeyed in the haircut. */
  private void onRiskStatus(TradingStatus status) {
    String problem = RiskDamper.problem(status);
    if (problem != null) {
      reject(Addresses.RISK_STATUS, problem, status.getMeta(), status.toString());
      return;
    }
    deskWatch.status(status);
    if (damper.onStatus(status)) {
      LOG.warn("trading state {} ({}): size haircut {}", status.getState(), status.getReason(),
          status.getState() == TradingState.ACTIVE ? "back to the alerts' (held alerts lifted)" : "1 on every symbol");
    }
  }

  /** A risk alert: kept for the MCP tools and held in the haircut. */
  private void onRiskAlert(RiskAlert alert) {
    String problem = RiskDamper.problem(alert);
    if (problem != null) {
      reject(Addresses.RISK_ALERTS, problem, alert.getMeta(), alert.toString());
      return;
    }
    deskWatch.alert(alert);
    if (damper.onAlert(alert)) {
      LOG.warn("risk alert {} {} on {}: {}", alert.getSeverity(), alert.getCode(),
          alert.getSymbol().isBlank() ? "every symbol" : alert.getSymbol(), alert.getMessage());
    }
  }

  /** Candle features: market context for the MCP tools only (decisions are taken per tick). */
  private void onCandleFeatures(FeatureVector features) {
    Optional<String> problem = FeatureCheck.problem(features);
    if (problem.isPresent()) {
      reject(Addresses.FEATURES_CANDLE, problem.get(), features.getMeta(), features.toString());
    } else {
      market.observe(features);
    }
  }

  private void onExecution(Execution execution) {
    desk.onExecution(execution).ifPresent(reason ->
        reject(Addresses.EXECUTIONS, reason, execution.getMeta(), execution.toString()));
  }

  /** A consumer of one message type; anything else on the address is rejected and dead-lettered. */
  private <T> Future<Void> consume(String address, Class<T> type, Consumer<T> handler) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, message -> {
      if (type.isInstance(message.body())) {
        handler.accept(type.cast(message.body()));
      } else {
        reject(address, "unexpected-type", Meta.getDefaultInstance(), describe(message.body()));
      }
    });
    return consumer.completion();
  }

  private Future<Void> mountMcp() {
    if (!config.mcp().enabled()) {
      return Future.succeededFuture();
    }
    List<String> agents = roster.members().everyone().stream().map(ServiceNames::agentShortName).toList();
    return CoordinatorMcp.mount(vertx, ProcessEndpoints.of(vertx).router(), config.mcp(), ConfigReader.of(config()),
            state, market, deskWatch, damper, new PanelOperations(desk, state, config, store.file().toString()), agents)
        .map(server -> {
          mcp = server;
          return null;
        });
  }

  private JsonObject statsJson() {
    JsonObject json = stats.toJson().put("risk", RiskJson.of(damper.view()));
    CoordinatorMcp server = mcp;
    return server == null ? json : json.put("mcp", server.stats());
  }

  /** @param eventTimeUs the decision's event time; 0 for features that failed their checks (not trusted as a clock) */
  private void publish(Consensus decided, long eventTimeUs) {
    double haircut = damper.haircut(decided.getSymbol(), eventTimeUs);
    Consensus result = haircut > 0 ? decided.toBuilder().setSizeHaircut(haircut).build() : decided;
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
        List<String> skipped = desk.book().restoreOverrides(loaded.overrides());
        desk.publishWeights();
        LOG.info("learned weights restored from {}: {}{}{}{}", store.file(), desk.weights().asMap(),
            unknown.isEmpty() ? "" : " (ignored agents no longer configured: " + unknown + ")",
            desk.book().overrides().isEmpty() ? "" : " (operator base weights: " + desk.book().overrides() + ")",
            skipped.isEmpty() ? "" : " (operator base weights dropped, agent or configured weight changed since: "
                + skipped + ")");
      }
      return null;
    });
  }

  private Future<Void> saveWeights() {
    if (!config.persistWeights() || desk == null || !desk.takeDirty()) {
      return Future.succeededFuture();
    }
    var standings = desk.book().standings();
    var overrides = desk.book().overrides();
    long eventTimeUs = desk.lastEventTimeUs();
    return vertx.<Void>executeBlocking(() -> {
      store.write(standings, overrides, eventTimeUs);
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
