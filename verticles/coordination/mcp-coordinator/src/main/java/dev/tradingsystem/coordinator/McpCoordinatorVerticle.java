package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.ConsensusBuilder;
import dev.tradingsystem.coordinator.consensus.FeatureCheck;
import dev.tradingsystem.coordinator.consensus.MinimumAnswers;
import dev.tradingsystem.coordinator.consensus.StaticWeights;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
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
 * asks the agent panel and publishes exactly one {@link Consensus} on {@link Addresses#CONSENSUS}
 * (the frameworks and the replay barrier count on one per market event), degraded and FLAT when
 * the features are unusable or the agents fail.
 */
public final class McpCoordinatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(McpCoordinatorVerticle.class);
  private static final String AREA = "coordinator";
  private static final int DEAD_LETTER_PAYLOAD_CHARS = 2_000;

  private AgentPanel panel;
  private ConsensusBuilder consensus;
  private CoordinatorStats stats;
  private volatile boolean ready;

  @Override
  public Future<?> start() {
    CoordinatorConfig config = CoordinatorConfig.from(ConfigReader.of(config()));
    panel = new AgentPanel(vertx, config.agents(), config.agentTimeoutMs());
    consensus = new ConsensusBuilder(new StaticWeights(config.weights(), CoordinatorConfig.DEFAULT_WEIGHT),
        new MinimumAnswers(config.quorum()), config.minScore(), config.edgeScaleBps());
    stats = new CoordinatorStats(config.agents());

    MessageConsumer<Object> features = vertx.eventBus().consumer(Addresses.FEATURES, this::onMessage);
    ProcessEndpoints.of(vertx).readiness(ServiceNames.MCP_COORDINATOR, () -> ready);
    return Future.all(features.completion(), ServiceStats.serve(vertx, ServiceNames.MCP_COORDINATOR, stats::toJson))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.MCP_COORDINATOR)
            .setInstanceId(deploymentID())
            .setTickParticipant(false)
            .build()))
        .onSuccess(c -> {
          ready = true;
          LOG.info("mcp-coordinator up: agents {}, deadline {} ms, quorum {}, min score {}, weights {}",
              config.agents(), config.agentTimeoutMs(), config.quorum(), config.minScore(), config.weights());
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ProcessEndpoints.of(vertx).unregister(ServiceNames.MCP_COORDINATOR);
    return Future.succeededFuture();
  }

  private void onMessage(Message<Object> message) {
    if (message.body() instanceof FeatureVector features) {
      onFeatures(features);
    } else {
      // Without a FeatureVector there is no market event to answer for: keep it for inspection.
      String kind = message.body() == null ? "null" : message.body().getClass().getSimpleName();
      reject("unexpected-type", Meta.getDefaultInstance(), kind + ": " + message.body());
    }
  }

  private void onFeatures(FeatureVector features) {
    Optional<String> problem = FeatureCheck.problem(features);
    if (problem.isPresent()) {
      reject(problem.get(), features.getMeta(), features.toString());
      stats.unusableFeatures();
      publish(consensus.unusable(features));
      return;
    }
    AnalyzeRequest request = AnalyzeRequest.newBuilder()
        .setMeta(Metas.derive(features.getMeta(), "ar-" + features.getMeta().getId()))
        .setFeatures(features)
        .build();
    panel.ask(request).onComplete(ar -> {
      Consensus result;
      try {
        AgentPanel.Answers heard = ar.result();
        stats.answers(heard.answers(), heard.missing().keySet());
        if (!heard.missing().isEmpty()) {
          LOG.debug("seq {}: agents missing {}", features.getMeta().getSeq(), heard.missing());
        }
        result = consensus.build(features, heard.answers(), List.copyOf(heard.missing().keySet()));
      } catch (RuntimeException e) {
        // Never skip a tick: the frameworks and the replay barrier wait for this message.
        LOG.error("consensus for seq {} failed, publishing FLAT: {}", features.getMeta().getSeq(), e.getMessage(), e);
        result = consensus.unusable(features);
      }
      publish(result);
    });
  }

  private void publish(Consensus result) {
    stats.published(result);
    vertx.eventBus().publish(Addresses.CONSENSUS, result);
  }

  private void reject(String reason, Meta meta, String payload) {
    TradingMetrics.rejected(AREA, Addresses.FEATURES, reason).increment();
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta)
        .setSource(Addresses.FEATURES)
        .setReason(reason)
        .setPayload(payload.length() > DEAD_LETTER_PAYLOAD_CHARS ? payload.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : payload)
        .build());
  }
}
