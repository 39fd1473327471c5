package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Vertx;

/**
 * The participant side of the replay barrier. In replay the data-collector emits market event
 * N+1 only after every participant said it is done with N; that is what makes a replay
 * deterministic across event loops and JVMs. Live, nobody waits and these messages are advisory.
 */
public final class TickBarrier {

  private TickBarrier() {
  }

  public static void done(Vertx vertx, String participant, Meta tick, int intents) {
    vertx.eventBus().publish(Addresses.REPLAY_TICK_DONE, TickDone.newBuilder()
        .setMeta(tick)
        .setParticipant(participant)
        .setSeq(tick.getSeq())
        .setIntents(intents)
        .build());
  }
}
