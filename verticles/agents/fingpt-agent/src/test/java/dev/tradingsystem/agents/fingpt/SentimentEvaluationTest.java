package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held-out evaluation of the built-in headline model on the Twitter Financial News Sentiment
 * validation split (2,388 labelled tweets; 0 bearish, 1 bullish, 2 neutral). The lexicon was
 * written and checked against the training split only. The model must beat the majority-class
 * baseline (always "neutral") on macro-F1, the metric that does not reward ignoring the
 * minority classes; the floor below it guards against a lexicon edit that quietly degrades it.
 */
class SentimentEvaluationTest {

  private static final Logger LOG = LoggerFactory.getLogger(SentimentEvaluationTest.class);
  private static final double MACRO_F1_FLOOR = 0.60;

  @Test
  void beatsTheMajorityClassOnTheTfnsValidationSplit() throws Exception {
    Path file = SharedDataLocator.require("data/sentiment/tfns_mit/sent_valid.csv");
    List<List<String>> rows = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).containsExactly("text", "label");
    List<List<String>> labelled = rows.subList(1, rows.size());

    HeadlineScorer scorer = new HeadlineScorer(FinanceLexicon.builtin());
    double threshold = SentimentConfig.DEFAULT_HEADLINE_THRESHOLD;
    ClassificationReport model = new ClassificationReport();
    Map<SentimentLabel, Integer> support = new EnumMap<>(SentimentLabel.class);
    for (List<String> row : labelled) {
      SentimentLabel truth = label(row.get(1));
      model.add(truth, scorer.score(row.get(0)).label(threshold));
      support.merge(truth, 1, Integer::sum);
    }
    SentimentLabel majority = support.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    ClassificationReport baseline = new ClassificationReport();
    for (List<String> row : labelled) {
      baseline.add(label(row.get(1)), majority);
    }

    LOG.info("TFNS validation, lexicon model at threshold {}: {}", threshold, model.summary());
    LOG.info("TFNS validation, majority class ({}): {}", majority, baseline.summary());
    assertThat(model.total()).isEqualTo(2_388);
    assertThat(majority).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(model.macroF1()).isGreaterThan(baseline.macroF1());
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
  }

  private static SentimentLabel label(String code) {
    return switch (code.trim()) {
      case "0" -> SentimentLabel.BEARISH;
      case "1" -> SentimentLabel.BULLISH;
      case "2" -> SentimentLabel.NEUTRAL;
      default -> throw new IllegalArgumentException("unknown label '" + code + "'");
    };
  }
}
