package dev.tradingsystem.app.hyperopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TPE sampler on synthetic objectives: better than random search, on the grid, repeatable. */
class TpeSamplerTest {

  private static final List<SearchDimension> PLANE = List.of(
      SearchDimension.decimal("x", -3, 3, 3),
      SearchDimension.decimal("y", -3, 3, 3));
  /** A bowl with its minimum 0 at (0.7, -1.3). */
  private static final ToDoubleFunction<double[]> BOWL = p -> Math.pow(p[0] - 0.7, 2) + Math.pow(p[1] + 1.3, 2);
  private static final int TRIALS = 60;

  /**
   * Random search sometimes lands next to the minimum by luck (seed 1 here does), so the claim is
   * over twenty seeds: TPE's best is closer in nearly all of them and far closer on average.
   */
  @Test
  void tpeGetsCloserToTheMinimumThanRandomSearchWithTheSameSeedsAndBudget() {
    int tpeCloser = 0;
    double tpeSum = 0;
    double randomSum = 0;
    for (long seed = 1; seed <= 20; seed++) {
      double tpe = bestOf(new TpeSampler(PLANE, seed, 10), 1);
      double random = bestOf(new TpeSampler(PLANE, seed, TRIALS), 1);
      tpeCloser += tpe < random ? 1 : 0;
      tpeSum += tpe;
      randomSum += random;
    }
    assertThat(tpeCloser).isGreaterThanOrEqualTo(18);
    assertThat(tpeSum * 5).isLessThan(randomSum);
  }

  @Test
  void batchesOfParallelTrialsStillBeatRandomSearch() {
    double tpe = bestOf(new TpeSampler(PLANE, 7, 10), 4);
    double random = bestOf(new TpeSampler(PLANE, 7, TRIALS), 4);
    assertThat(tpe).isLessThan(random);
  }

  @Test
  void integersStayIntegralAndInRangeAndBooleansAreZeroOrOne() {
    List<SearchDimension> mixed = List.of(SearchDimension.integer("n", 2, 8), SearchDimension.bool("b"),
        SearchDimension.decimal("d", 0.004, 0.077, 3));
    TpeSampler sampler = new TpeSampler(mixed, 11, 5);
    for (int round = 0; round < 40; round++) {
      for (double[] p : sampler.ask(2)) {
        assertThat(p[0]).isBetween(2.0, 8.0).isEqualTo(Math.rint(p[0]));
        assertThat(p[1]).isIn(0.0, 1.0);
        assertThat(p[2]).isBetween(0.004, 0.077);
        assertThat(Math.abs(p[2] * 1000 - Math.rint(p[2] * 1000))).isLessThan(1e-9);
        // Small n with b true is good: the sampler should find it, and stay on the grid doing so.
        sampler.tell(p, Math.abs(p[0] - 3) + (p[1] == 1 ? 0 : 5) + p[2]);
      }
    }
    assertThat(sampler.observations()).isEqualTo(80);
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    assertThat(sequence(42)).containsExactlyElementsOf(sequence(42));
    assertThat(sequence(42)).isNotEqualTo(sequence(43));
  }

  @ParameterizedTest(name = "{0} epochs -> {1} random trials first")
  @CsvSource({"1, 2", "4, 2", "9, 3", "30, 10", "300, 10"})
  void startupTrialsScaleWithTheEpochs(int epochs, int startup) {
    assertThat(TpeSampler.startupTrials(epochs)).isEqualTo(startup);
  }

  @ParameterizedTest(name = "{0} observations -> {1} good")
  @CsvSource({"2, 1", "4, 1", "5, 2", "10, 3", "100, 25", "1000, 25"})
  void theGoodSideIsTheBestQuarterCappedAt25(int n, int good) {
    assertThat(TpeSampler.goodCount(n)).isEqualTo(good);
  }

  private static double bestOf(TpeSampler sampler, int batch) {
    double best = Double.POSITIVE_INFINITY;
    for (int done = 0; done < TRIALS; done += batch) {
      List<double[]> points = sampler.ask(batch);
      for (double[] p : points) {
        double loss = BOWL.applyAsDouble(p);
        best = Math.min(best, loss);
        sampler.tell(p, loss);
      }
    }
    return best;
  }

  private static List<String> sequence(long seed) {
    TpeSampler sampler = new TpeSampler(PLANE, seed, 3);
    List<String> points = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      double[] p = sampler.ask(1).get(0);
      points.add(p[0] + "," + p[1]);
      sampler.tell(p, BOWL.applyAsDouble(p));
    }
    return points;
  }
}
