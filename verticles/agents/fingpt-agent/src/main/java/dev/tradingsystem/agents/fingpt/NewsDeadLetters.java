package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the sentiment agent refuses news at its boundary (a bad item on the bus, a bad
 * line of a news file, a malformed feed): counted as
 * {@code trading_agents_rejected_total{source="fingpt",reason}}, logged at debug, kept as a
 * {@code DeadLetter}. Never fatal.
 */
final class NewsDeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(NewsDeadLetters.class);
  private static final int PAYLOAD_CHARS = 4_096;

  private final Vertx vertx;
  private final String serviceName;
  private final String agent;

  NewsDeadLetters(Vertx vertx, String serviceName, String agent) {
    this.vertx = vertx;
    this.serviceName = serviceName;
    this.agent = agent;
  }

  /** @param meta the refused record's header, or null; @param payload what was refused, or null */
  void reject(Rejection rejection, Meta meta, String payload) {
    TradingMetrics.rejected("agents", agent, rejection.reason()).increment();
    LOG.debug("{} rejected news: {}: {}", serviceName, rejection.reason(), rejection.message());
    DeadLetter.Builder letter = DeadLetter.newBuilder().setSource(serviceName)
        .setReason(rejection.reason() + ": " + rejection.message());
    if (meta != null) {
      letter.setMeta(meta);
    }
    if (payload != null) {
      letter.setPayload(payload.length() > PAYLOAD_CHARS ? payload.substring(0, PAYLOAD_CHARS) : payload);
    }
    vertx.eventBus().publish(Addresses.DEAD_LETTER, letter.build());
  }
}
