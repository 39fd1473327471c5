package dev.tradingsystem.mcp;

import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes malformed MCP input on {@link Addresses#DEAD_LETTER}, like every other boundary does. */
final class McpDeadLetters {

  private static final int PAYLOAD_CHARS = 512;
  private static final Logger LOG = LoggerFactory.getLogger(McpDeadLetters.class);

  private final Vertx vertx;
  private final String source;

  McpDeadLetters(Vertx vertx, String source) {
    this.vertx = vertx;
    this.source = source;
  }

  void publish(String reason, String detail, String payload) {
    String excerpt = payload == null ? "" : payload;
    DeadLetter letter = DeadLetter.newBuilder()
        .setSource(source)
        .setReason(reason + ": " + detail)
        .setPayload(excerpt.length() > PAYLOAD_CHARS ? excerpt.substring(0, PAYLOAD_CHARS) : excerpt)
        .build();
    try {
      vertx.eventBus().publish(Addresses.DEAD_LETTER, letter);
    } catch (RuntimeException e) {
      // No codec registered (a bare Vert.x in a test): the refusal is still counted and answered.
      LOG.debug("dead letter not published: {}", e.toString());
    }
  }
}
