package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Six ticks (time s, mid): (0, 100) (5, 101) (10, 102) (15, 101) (22, 99) (30, 103), calls with a
 * 10 s horizon, entered at the call:
 * <pre>
 * tick 1 at  0 LONG  -> mid at 10 = 102: up, hit
 * tick 2 at  5 SHORT -> mid at 15 = 101: unchanged, left out
 * tick 3 at 10 LONG  -> mid at 15 (last tick by 20) = 101: down, miss
 * tick 4 at 15 SHORT -> mid at 22 (last tick by 25) = 99: down, hit
 * tick 5 at 22 LONG  -> horizon ends at 32, after the tape: left out
 * tick 6 at 30 FLAT
 * </pre>
 */
class DirectionalEvaluationTest {

  private static DirectionalResult evaluate(long seed) {
    Map<Long, AgentOpinion> script = Map.of(
        1L, call(Direction.LONG), 2L, call(Direction.SHORT), 3L, call(Direction.LONG),
        4L, call(Direction.SHORT), 5L, call(Direction.LONG));
    DirectionalEvaluation evaluation = new DirectionalEvaluation(ScriptedTicks.model(script), seed);
    long[] times = {0, 5, 10, 15, 22, 30};
    double[] mids = {100, 101, 102, 101, 99, 103};
    for (int i = 0; i < times.length; i++) {
      evaluation.onTick(ScriptedTicks.tick(i + 1, times[i], mids[i]));
    }
    return evaluation.result(0);
  }

  private static AgentOpinion call(Direction direction) {
    return new AgentOpinion(direction, 1, 1, 10, List.of(), "scripted");
  }

  @Test
  void scoresEachCallAgainstTheMidAtTheEndOfItsHorizon() {
    DirectionalResult r = evaluate(42);
    assertThat(r.ticks()).isEqualTo(6);
    assertThat(r.calls()).isEqualTo(5);
    assertThat(r.longCalls()).isEqualTo(3);
    assertThat(r.zeroReturns()).isEqualTo(1);
    assertThat(r.beyondData()).isEqualTo(1);
    assertThat(r.horizonsSec()).containsExactly(10);
    assertThat(r.all().model().hits()).isEqualTo(2);
    assertThat(r.all().model().n()).isEqualTo(3);
    assertThat(r.all().alwaysLong().hits()).as("only the first point rose").isEqualTo(1);
    assertThat(r.all().randomSign().n()).isEqualTo(3);
    assertThat(r.all().shortRight()).isEqualTo(1);
    assertThat(r.all().shortWrong()).isZero();
  }

  @Test
  void theNonOverlappingSubsampleStartsEachCallAfterThePreviousHorizonEnded() {
    DirectionalResult r = evaluate(42);
    // Calls at 0 (to 10) and 10 (to 20) are kept, the one at 15 overlaps the second.
    assertThat(r.nonOverlapping().model().n()).isEqualTo(2);
    assertThat(r.nonOverlapping().model().hits()).isEqualTo(1);
    assertThat(r.nonOverlapping().alwaysLong().hits()).isEqualTo(1);
    assertThat(r.nonOverlapping().shortRight() + r.nonOverlapping().shortWrong()).isZero();
    assertThat(r.verdictVsBuyAndHold()).isEqualTo("not distinguishable from buy-and-hold");
  }

  @Test
  void printsSharingTheCallsTimestampAreBehindTheEntryAndADelayMovesIt() {
    // (0 s, 100) (0 s, 102) (10 s, 101): a LONG at the first print enters after the second one,
    // at 102, so the fall to 101 is a miss (from 100 it would have looked like a hit).
    DirectionalEvaluation evaluation = new DirectionalEvaluation(
        ScriptedTicks.model(Map.of(1L, call(Direction.LONG))), 1);
    evaluation.onTick(ScriptedTicks.tick(1, 0, 100));
    evaluation.onTick(ScriptedTicks.tick(2, 0, 102));
    evaluation.onTick(ScriptedTicks.tick(3, 10, 101));
    DirectionalResult now = evaluation.result(0);
    assertThat(now.entryDelayUs()).isZero();
    assertThat(now.all().model().n()).isEqualTo(1);
    assertThat(now.all().model().hits()).isZero();
    DirectionalResult later = evaluation.result(5_000_000);
    assertThat(later.entryDelayUs()).isEqualTo(5_000_000);
    assertThat(later.beyondData()).as("entering at 5 s, the horizon ends at 15 s, after the tape").isEqualTo(1);
    assertThat(later.all().model().n()).isZero();
  }

  @Test
  void theRandomSignBaselineIsReproducibleFromItsSeed() {
    assertThat(evaluate(7).all().randomSign()).isEqualTo(evaluate(7).all().randomSign());
    assertThat(evaluate(7).seed()).isEqualTo(7);
  }

  @Test
  void aModelThatThrowsCountsAsAnErrorAndFlat() {
    DirectionalEvaluation evaluation = new DirectionalEvaluation(ScriptedTicks.model(request -> {
      throw new IllegalStateException("boom");
    }), 1);
    evaluation.onTick(ScriptedTicks.tick(1, 0, 100));
    DirectionalResult r = evaluation.result(0);
    assertThat(r.errors()).isEqualTo(1);
    assertThat(r.calls()).isZero();
    assertThat(r.verdictVsCoinFlip()).isEqualTo("no scored calls");
  }

  @Test
  void aTickTheRuntimeWouldRefuseNeverReachesTheModel() {
    DirectionalEvaluation evaluation =
        new DirectionalEvaluation(ScriptedTicks.model(request -> call(Direction.LONG)), 1);
    evaluation.onTick(ScriptedTicks.tick(1, 0, 100).toBuilder().setVolatility(Double.NaN).build());
    assertThat(evaluation.result(0).refused()).containsEntry("non_finite_feature", 1L);
    assertThat(evaluation.result(0).calls()).isZero();
  }
}
