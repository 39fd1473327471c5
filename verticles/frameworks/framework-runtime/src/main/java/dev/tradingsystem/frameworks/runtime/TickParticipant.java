package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import java.util.List;

/**
 * A framework's strategy as the {@link TickPipeline} sees it. The pipeline calls it on the
 * verticle's context, one tick at a time, and only with a consensus that passed
 * {@link ConsensusChecks} and {@link #inputProblem}; everything around it (waiting for the
 * portfolio, sending to the risk gate, reporting the tick) is the pipeline's job.
 */
public interface TickParticipant {

  /** The strategy id ({@code freqtrade-hft.momentum}): intent id prefix and metric label. */
  String strategyId();

  /**
   * The strategy's own input checks, run after {@link ConsensusChecks}: the reject reason (a
   * short metric label) of an input the strategy cannot use, or null. The default accepts all.
   */
  default String inputProblem(Consensus consensus) {
    return null;
  }

  /**
   * A valid consensus entered the pipeline, before its portfolio wait. An event-time clock moves
   * here, so time advances with every observed event, also on a tick that is then skipped.
   */
  default void observe(Consensus consensus) {
  }

  /**
   * The intents for this tick, in the order they must reach the risk gate. {@code portfolio} is
   * the newest snapshot, of a sequence at least the consensus's. An exception is counted as a
   * strategy error and ends the tick without intents.
   */
  List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio);
}
