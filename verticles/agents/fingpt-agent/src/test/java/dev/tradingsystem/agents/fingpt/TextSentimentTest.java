package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Label and confidence of one text, computed by hand from a three-word lexicon. */
class TextSentimentTest {

  private static final double THRESHOLD = 0.2;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Shares surge                      | BULLISH | 0.7071 | 0.3935
      Shares surge and soar             | BULLISH | 0.8944 | 0.6321
      Shares surge and soar despite a slump | BULLISH | 0.7071 | 0.5179
      Shares slump                      | BEARISH | -0.7071 | 0.3935
      Shares did not surge              | BEARISH | -0.5145 | 0.3935
      Shares surge and slump            | NEUTRAL | 0       | 0.6321
      Quarterly report filed            | NEUTRAL | 0       | 0
      """)
  void labelAndConfidence(String text, SentimentLabel label, double score, double confidence) throws Exception {
    FinanceLexicon lexicon = FinanceLexicon.parse(new BufferedReader(new StringReader(
        "surge\t2\nsoar\t2\nslump\t-2\n")));

    TextSentiment sentiment = TextSentiment.of(new HeadlineScorer(lexicon).explain(text), THRESHOLD);

    assertThat(sentiment.label()).isEqualTo(label);
    assertThat(sentiment.score()).isCloseTo(score, within(1e-4));
    assertThat(sentiment.confidence()).isCloseTo(confidence, within(1e-4));
  }
}
