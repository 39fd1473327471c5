package dev.tradingsystem.app.backtest.lookahead;

import dev.tradingsystem.proto.Consensus;
import java.util.HashMap;
import java.util.Map;

/**
 * Delays what the strategies see by one market event: for consensus N of a symbol it answers
 * consensus N-1 of that symbol — its features, fused score, agent signals and forecasts — under the
 * header ({@code Meta}) of N.
 *
 * <p>The header stays N's because the pipeline's protocol runs on it: the frameworks wait for
 * portfolio state N and report {@code TickDone} for N, so the replay still advances one event at a
 * time and orders still meet the tape after N. Only the information is one event old. The first
 * consensus of a symbol has no predecessor and passes unchanged (strategies are still warming up
 * their indicators there); it is counted so the report can say so.
 *
 * <p>Not thread-safe: the coordinator publishes consensus from one context.
 */
public final class ConsensusDelay {

  private final Map<String, Consensus> previous = new HashMap<>();
  private long delayed;
  private long passed;

  /** What the strategies see instead of {@code current}. */
  public Consensus delay(Consensus current) {
    String symbol = current.getFeatures().getInstrument().getSymbol().isEmpty()
        ? current.getSymbol() : current.getFeatures().getInstrument().getSymbol();
    Consensus before = previous.put(symbol, current);
    if (before == null) {
      passed++;
      return current;
    }
    delayed++;
    return before.toBuilder().setMeta(current.getMeta()).build();
  }

  /** Consensus messages replaced by their predecessor. */
  public long delayed() {
    return delayed;
  }

  /** First consensus of a symbol, passed unchanged. */
  public long passed() {
    return passed;
  }
}
