package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.OrderIntent;
import java.util.List;
import java.util.Map;

/**
 * A market-making strategy: on every decision point, the cancels and quotes that bring its
 * resting orders to where it wants them. Pure function of the context and its own memory of what
 * it sent. The {@link QuotingDesk} runs several of them: an exception is contained to the
 * strategy that threw, counted, and a strategy that keeps throwing is paused.
 */
public interface QuotingStrategy {

  /** Stable id, {@code hummingbot-mm.<name>}: the strategy id on intents, orders and positions. */
  String id();

  /** Whether the strategy quotes this symbol; the default quotes every symbol it is shown. */
  default boolean trades(String symbol) {
    return true;
  }

  /**
   * Every valid market event of a traded symbol, also on ticks that are then skipped (a portfolio
   * timeout): estimators learn from all of them.
   */
  default void observe(FeatureVector features) {
  }

  /** Intents in the order they must be sent: a side's cancel before its replacement. */
  List<OrderIntent> onTick(QuotingContext context);

  /**
   * The strategy's intent-id sequence: the desk cancels a paused strategy's quotes with it, so
   * ids stay {@code <strategyId>-<n>} without gaps or repeats.
   */
  QuoteIntents intents();

  /** What the strategy currently believes (estimates, timers), for the stats page; default none. */
  default Map<String, Object> status() {
    return Map.of();
  }
}
