package dev.tradingsystem.risk;

import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Vertx;

/**
 * Bad input at the risk-manager's boundary: counted on {@code trading_risk_rejected_total} and
 * kept on {@link Addresses#DEAD_LETTER}, so the service refuses it and keeps running.
 */
final class DeadLetters {

  /** Enough of the payload to see what was wrong, without shipping a huge message around again. */
  private static final int PAYLOAD_CHARS = 2_000;

  private final Vertx vertx;

  DeadLetters(Vertx vertx) {
    this.vertx = vertx;
  }

  void publish(String source, String reason, Meta meta, String payload) {
    TradingMetrics.rejected("risk", source, reason).increment();
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta)
        .setSource(source)
        .setReason(reason)
        .setPayload(payload.length() > PAYLOAD_CHARS ? payload.substring(0, PAYLOAD_CHARS) : payload)
        .build());
  }
}
