package dev.tradingsystem.frameworks.runtime;

import com.google.protobuf.Message;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects bad input at a framework's boundary: counts it ({@code invalidInputs} and
 * {@code trading_framework_rejected_total{source,reason}}), dead-letters it and lets the service
 * carry on.
 */
public final class InputRejects {

  private static final Logger LOG = LoggerFactory.getLogger(InputRejects.class);
  /** Enough of a payload to recognise it on the dead-letter topic without flooding it. */
  private static final int MAX_DEAD_LETTER_PAYLOAD = 4_096;

  private final Vertx vertx;
  private final String service;
  private final FrameworkStats stats;

  public InputRejects(Vertx vertx, String service, FrameworkStats stats) {
    this.vertx = vertx;
    this.service = service;
    this.stats = stats;
  }

  /** Rejects {@code body} for {@code reason}; {@code meta} is its header where it had one. */
  public void reject(String reason, Meta meta, Object body) {
    stats.invalidInput();
    TradingMetrics.rejected("framework", service, reason).increment();
    String payload = body instanceof Message message ? message.toString() : String.valueOf(body);
    if (payload.length() > MAX_DEAD_LETTER_PAYLOAD) {
      payload = payload.substring(0, MAX_DEAD_LETTER_PAYLOAD);
    }
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta).setSource(service).setReason(reason).setPayload(payload).build());
    LOG.warn("rejected input ({}), seq {}", reason, meta.getSeq());
  }
}
