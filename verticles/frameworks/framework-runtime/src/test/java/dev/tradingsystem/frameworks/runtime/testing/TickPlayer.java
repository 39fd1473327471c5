package dev.tradingsystem.frameworks.runtime.testing;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays data-collector, portfolio and coordinator for a framework test: runs each tick (publishes
 * its snapshot and consensus) only after the previous one was reported done, exactly as the replay
 * barrier does, and keeps every {@link TickDone} seen.
 */
public final class TickPlayer {

  private final Vertx vertx;
  private final List<TickDone> done = new CopyOnWriteArrayList<>();

  public TickPlayer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Every tick reported done so far, in order. */
  public List<TickDone> done() {
    return done;
  }

  /**
   * Runs tick i+1 when tick i was reported done and {@code end} after the last; a report beyond
   * the last tick fails the test. The caller runs the first tick (once the framework is deployed).
   */
  public void play(VertxTestContext ctx, List<Runnable> ticks, Runnable end) {
    vertx.eventBus().<TickDone>consumer(Addresses.REPLAY_TICK_DONE, msg -> {
      done.add(msg.body());
      if (done.size() < ticks.size()) {
        ticks.get(done.size()).run();
      } else if (done.size() == ticks.size()) {
        end.run();
      } else {
        ctx.failNow(new AssertionError("more ticks reported than played: " + done));
      }
    });
  }

  /** One tick's input in pipeline order: the portfolio snapshot, then the consensus. */
  public void publish(PortfolioState state, Consensus consensus) {
    vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state);
    vertx.eventBus().publish(Addresses.CONSENSUS, consensus);
  }
}
