package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.OrderIntent;
import java.util.List;

/**
 * A market-making strategy: on every decision point, the cancels and quotes that bring its
 * resting orders to where it wants them. Pure function of the context and its own memory of what
 * it sent; an exception is counted by the framework and the tick ends without intents.
 */
public interface QuotingStrategy {

  /** Stable id, {@code hummingbot-mm.<name>}: the strategy id on intents, orders and positions. */
  String id();

  /** Intents in the order they must be sent: a side's cancel before its replacement. */
  List<OrderIntent> onTick(QuotingContext context);
}
