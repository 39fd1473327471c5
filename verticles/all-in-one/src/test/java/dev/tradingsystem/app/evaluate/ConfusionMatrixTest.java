package dev.tradingsystem.app.evaluate;

import static dev.tradingsystem.agents.fingpt.SentimentLabel.BEARISH;
import static dev.tradingsystem.agents.fingpt.SentimentLabel.BULLISH;
import static dev.tradingsystem.agents.fingpt.SentimentLabel.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.fingpt.SentimentLabel;
import org.junit.jupiter.api.Test;

/**
 * Scores of a hand-built confusion matrix, computed on paper (and equal to scikit-learn's
 * {@code precision_recall_fscore_support} on the same labels):
 * <pre>
 *              predicted bearish bullish neutral   support
 * true bearish            4       1       0         5
 * true bullish            0       1       0         1
 * true neutral            2       0       2         4
 * </pre>
 * bearish P 4/6 R 4/5 F1 8/11; bullish P 1/2 R 1 F1 2/3; neutral P 1 R 1/2 F1 2/3.
 */
class ConfusionMatrixTest {

  private static ConfusionMatrix<SentimentLabel> matrix() {
    ConfusionMatrix<SentimentLabel> m = new ConfusionMatrix<>(SentimentLabel.class);
    add(m, BEARISH, BEARISH, 4);
    add(m, BEARISH, BULLISH, 1);
    add(m, BULLISH, BULLISH, 1);
    add(m, NEUTRAL, BEARISH, 2);
    add(m, NEUTRAL, NEUTRAL, 2);
    return m;
  }

  private static void add(ConfusionMatrix<SentimentLabel> m, SentimentLabel truth, SentimentLabel predicted,
      int times) {
    for (int i = 0; i < times; i++) {
      m.add(truth, predicted);
    }
  }

  @Test
  void perClassPrecisionRecallAndF1() {
    ConfusionMatrix<SentimentLabel> m = matrix();
    assertThat(m.precision(BEARISH)).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(m.recall(BEARISH)).isCloseTo(4.0 / 5, within(1e-12));
    assertThat(m.f1(BEARISH)).isCloseTo(8.0 / 11, within(1e-12));
    assertThat(m.f1(BULLISH)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.f1(NEUTRAL)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.support(BEARISH)).isEqualTo(5);
    assertThat(m.predicted(BEARISH)).isEqualTo(6);
  }

  @Test
  void accuracyMacroAndWeightedF1() {
    ConfusionMatrix<SentimentLabel> m = matrix();
    assertThat(m.total()).isEqualTo(10);
    assertThat(m.accuracy()).isCloseTo(0.7, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((8.0 / 11 + 2.0 / 3 + 2.0 / 3) / 3, within(1e-12))
        .isCloseTo(0.686869, within(1e-6));
    // Weighted by support 5, 1, 4: (5 * 8/11 + 1 * 2/3 + 4 * 2/3) / 10.
    assertThat(m.weightedF1()).isCloseTo((5 * 8.0 / 11 + 2.0 / 3 + 4 * 2.0 / 3) / 10, within(1e-12))
        .isCloseTo(0.696970, within(1e-6));
  }

  @Test
  void aClassNeverPredictedScoresZeroLikeScikitLearn() {
    ConfusionMatrix<SentimentLabel> m = new ConfusionMatrix<>(SentimentLabel.class);
    add(m, BEARISH, NEUTRAL, 2);
    add(m, NEUTRAL, NEUTRAL, 6);
    assertThat(m.majorityClass()).isEqualTo(NEUTRAL);
    assertThat(m.precision(BEARISH)).isZero();
    assertThat(m.f1(BEARISH)).isZero();
    assertThat(m.f1(BULLISH)).as("no true and no predicted bullish").isZero();
    // neutral: P 6/8, R 1, F1 6/7; weighted over 8 examples: 6 * 6/7 / 8.
    assertThat(m.weightedF1()).isCloseTo(6 * (6.0 / 7) / 8, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((6.0 / 7) / 3, within(1e-12));
  }
}
