package dev.tradingsystem.agents.fingpt;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Confusion counts of a three-class sentiment classifier and the F1 scores derived from them. */
final class ClassificationReport {

  private final Map<SentimentLabel, Map<SentimentLabel, Integer>> counts = new EnumMap<>(SentimentLabel.class);
  private int total;

  ClassificationReport() {
    for (SentimentLabel truth : SentimentLabel.values()) {
      Map<SentimentLabel, Integer> row = new EnumMap<>(SentimentLabel.class);
      for (SentimentLabel predicted : SentimentLabel.values()) {
        row.put(predicted, 0);
      }
      counts.put(truth, row);
    }
  }

  void add(SentimentLabel truth, SentimentLabel predicted) {
    counts.get(truth).merge(predicted, 1, Integer::sum);
    total++;
  }

  int support(SentimentLabel label) {
    return counts.get(label).values().stream().mapToInt(Integer::intValue).sum();
  }

  double f1(SentimentLabel label) {
    int tp = counts.get(label).get(label);
    int predicted = 0;
    for (SentimentLabel truth : SentimentLabel.values()) {
      predicted += counts.get(truth).get(label);
    }
    int actual = support(label);
    if (tp == 0) {
      return 0;
    }
    double precision = (double) tp / predicted;
    double recall = (double) tp / actual;
    return 2 * precision * recall / (precision + recall);
  }

  double macroF1() {
    double sum = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      sum += f1(label);
    }
    return sum / SentimentLabel.values().length;
  }

  /** Support-weighted F1, the metric of the FinGPT benchmark protocol for this data set. */
  double weightedF1() {
    double sum = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      sum += f1(label) * support(label);
    }
    return sum / total;
  }

  double accuracy() {
    int correct = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      correct += counts.get(label).get(label);
    }
    return (double) correct / total;
  }

  int total() {
    return total;
  }

  String summary() {
    return String.format(Locale.ROOT, "n=%d accuracy=%.4f macroF1=%.4f weightedF1=%.4f F1[bearish=%.4f bullish=%.4f neutral=%.4f]",
        total, accuracy(), macroF1(), weightedF1(),
        f1(SentimentLabel.BEARISH), f1(SentimentLabel.BULLISH), f1(SentimentLabel.NEUTRAL));
  }
}
