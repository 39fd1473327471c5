package dev.tradingsystem.portfolio;

import com.google.protobuf.Message;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CapitalDesk}'s bus inputs: {@code consensus} (Kelly's edge, the agents' votes),
 * {@code risk.alerts} and {@code risk.status} (reallocations, the stress scale). Each message is
 * checked on arrival; a bad one is counted ({@code trading_portfolio_rejected_total{source,reason}}),
 * dead-lettered and dropped, never fatal. A reallocation a message causes is published on
 * {@code portfolio.allocations} at once; its budgets reach the risk gate with the next
 * {@code PortfolioState}. Handlers run on the verticle's context, like the engine's.
 */
final class CapitalInputs {

  private static final Logger LOG = LoggerFactory.getLogger(CapitalInputs.class);

  private final CapitalDesk desk;
  private final PortfolioPublisher publisher;
  private final PortfolioMetrics metrics;

  CapitalInputs(CapitalDesk desk, PortfolioPublisher publisher, PortfolioMetrics metrics) {
    this.desk = desk;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** Registers the three consumers; see {@link #completion} for when they are in place. */
  List<MessageConsumer<Object>> register(EventBus bus) {
    return List.of(
        bus.consumer(Addresses.CONSENSUS, m -> take(Addresses.CONSENSUS, Consensus.class, m.body(),
            CapitalInputs::checkConsensus, c -> {
              desk.onConsensus(c);
              return Optional.empty();
            })),
        bus.consumer(Addresses.RISK_ALERTS, m -> take(Addresses.RISK_ALERTS, RiskAlert.class, m.body(),
            CapitalInputs::checkAlert, desk::onAlert)),
        bus.consumer(Addresses.RISK_STATUS, m -> take(Addresses.RISK_STATUS, TradingStatus.class, m.body(),
            CapitalInputs::checkStatus, desk::onStatus)));
  }

  /** Completes when every consumer is registered. */
  static Future<Void> completion(List<MessageConsumer<Object>> consumers) {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private <T extends Message> void take(String source, Class<T> type, Object body, Function<T, Optional<String>> check,
      Function<T, Optional<AllocationState>> handler) {
    if (!type.isInstance(body)) {
      refuse(source, Meta.getDefaultInstance(), "not_a_" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT),
          "not a " + type.getSimpleName() + ": " + (body == null ? "null" : body.getClass().getSimpleName()), null);
      return;
    }
    T message = type.cast(body);
    Meta meta = metaOf(message);
    Optional<String> problem = check.apply(message);
    if (problem.isPresent()) {
      refuse(source, meta, problem.get(), problem.get(), message);
      return;
    }
    try {
      handler.apply(message).ifPresent(publisher::allocation);
    } catch (RuntimeException e) {
      LOG.error("{} seq {} could not be processed: {}", source, meta.getSeq(), e.getMessage(), e);
      refuse(source, meta, "internal_error", "internal_error: " + e.getMessage(), message);
    }
  }

  private void refuse(String source, Meta meta, String tag, String reason, Message payload) {
    metrics.rejected(source, tag);
    publisher.deadLetter(meta, source, reason, payload);
  }

  private static Meta metaOf(Message message) {
    Object meta = message.getField(message.getDescriptorForType().findFieldByName("meta"));
    return meta instanceof Meta m ? m : Meta.getDefaultInstance();
  }

  static Optional<String> checkConsensus(Consensus consensus) {
    if (consensus.getSymbol().isBlank()) {
      return Optional.of("missing_symbol");
    }
    if (consensus.getMeta().getEventTimeUs() < 0) {
      return Optional.of("invalid_event_time");
    }
    if (!Double.isFinite(consensus.getExpectedEdgeBps()) || !Double.isFinite(consensus.getEdgeVariance())) {
      return Optional.of("non_finite_edge");
    }
    if (consensus.getEdgeVariance() < 0) {
      return Optional.of("negative_variance");
    }
    for (double weight : consensus.getSignalWeightsList()) {
      if (!Double.isFinite(weight)) {
        return Optional.of("non_finite_weight");
      }
    }
    return Optional.empty();
  }

  static Optional<String> checkAlert(RiskAlert alert) {
    if (alert.getSeverity() == AlertSeverity.UNRECOGNIZED) {
      return Optional.of("unknown_severity");
    }
    return alert.getMeta().getEventTimeUs() < 0 ? Optional.of("invalid_event_time") : Optional.empty();
  }

  static Optional<String> checkStatus(TradingStatus status) {
    if (status.getState() == TradingState.TRADING_STATE_UNSPECIFIED) {
      return Optional.of("missing_state");
    }
    return status.getMeta().getEventTimeUs() < 0 ? Optional.of("invalid_event_time") : Optional.empty();
  }
}
