package dev.tradingsystem.app.evaluate;

import java.util.EnumMap;
import java.util.Map;

/**
 * Confusion counts of a classifier over the classes of an enum, and the scores derived from them
 * as scikit-learn defines them: per-class precision, recall and F1 (0 where undefined, sklearn's
 * {@code zero_division=0}), accuracy, macro F1 (unweighted mean over classes) and weighted F1
 * (mean weighted by each class's true count, the metric of FinGPT's sentiment benchmarks).
 *
 * @param <L> the label type
 */
public final class ConfusionMatrix<L extends Enum<L>> {

  private final L[] labels;
  private final long[][] counts;
  private long total;

  public ConfusionMatrix(Class<L> type) {
    this.labels = type.getEnumConstants();
    this.counts = new long[labels.length][labels.length];
  }

  /** Counts one example. */
  public void add(L truth, L predicted) {
    counts[truth.ordinal()][predicted.ordinal()]++;
    total++;
  }

  public long total() {
    return total;
  }

  /** How often {@code truth} was labelled {@code predicted}. */
  public long count(L truth, L predicted) {
    return counts[truth.ordinal()][predicted.ordinal()];
  }

  /** Examples whose true class is {@code label}. */
  public long support(L label) {
    long sum = 0;
    for (long n : counts[label.ordinal()]) {
      sum += n;
    }
    return sum;
  }

  /** Examples predicted as {@code label}. */
  public long predicted(L label) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[label.ordinal()];
    }
    return sum;
  }

  public double precision(L label) {
    long predicted = predicted(label);
    return predicted == 0 ? 0 : (double) count(label, label) / predicted;
  }

  public double recall(L label) {
    long support = support(label);
    return support == 0 ? 0 : (double) count(label, label) / support;
  }

  public double f1(L label) {
    double p = precision(label);
    double r = recall(label);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double accuracy() {
    if (total == 0) {
      return 0;
    }
    long correct = 0;
    for (L label : labels) {
      correct += count(label, label);
    }
    return (double) correct / total;
  }

  /** Unweighted mean of the per-class F1: every class counts alike, so ignoring a rare one costs. */
  public double macroF1() {
    double sum = 0;
    for (L label : labels) {
      sum += f1(label);
    }
    return sum / labels.length;
  }

  /** Per-class F1 weighted by true counts: dominated by the majority class. */
  public double weightedF1() {
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (L label : labels) {
      sum += f1(label) * support(label);
    }
    return sum / total;
  }

  /** The class with the most true examples (the first such in declaration order on a tie). */
  public L majorityClass() {
    L best = labels[0];
    for (L label : labels) {
      if (support(label) > support(best)) {
        best = label;
      }
    }
    return best;
  }

  /** Per-class scores, in declaration order. */
  public Map<L, ClassScores> perClass() {
    Map<L, ClassScores> scores = new EnumMap<>(labels[0].getDeclaringClass());
    for (L label : labels) {
      scores.put(label, new ClassScores(precision(label), recall(label), f1(label), support(label)));
    }
    return scores;
  }

  /** Precision, recall, F1 and true count of one class. */
  public record ClassScores(double precision, double recall, double f1, long support) {
  }
}
