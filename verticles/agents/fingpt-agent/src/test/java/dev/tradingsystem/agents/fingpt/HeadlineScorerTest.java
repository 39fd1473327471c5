package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadlineScorerTest {

  private static final HeadlineScorer SCORER = new HeadlineScorer(FinanceLexicon.builtin());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Deutsche Bank cuts to Hold                                 | BEARISH
      Altria stock price target raised to $54 from $50 at Stifel | BULLISH
      Willis Towers Watson EPS beats by $0.04, beats on revenue   | BULLISH
      Funko slides after Piper Jaffray PT cut                     | BEARISH
      Uber shares tumble as London revokes operating license      | BEARISH
      Stocks hit an All-Time High                                 | BULLISH
      Not a strong quarter for the retailer                       | BEARISH
      Shares didn't fall after the report                       | BULLISH
      $CUT rallies on heavy volume https://t.co/abc               | BULLISH
      Kilroy Realty declares $0.485 dividend                      | NEUTRAL
      New finance chief at Plus Therapeutics                      | NEUTRAL
      """)
  void headlineTable(String headline, SentimentLabel expected) {
    assertThat(SCORER.score(headline).label(SentimentConfig.DEFAULT_HEADLINE_THRESHOLD)).isEqualTo(expected);
  }

  @Test
  void aPhraseCountsOnceAndOutranksItsWords() throws Exception {
    FinanceLexicon lexicon = FinanceLexicon.parse(new BufferedReader(new StringReader(
        "# test\ncut\t-1\nprice target cut\t-2\ntarget\t0.5\n")));
    SentimentScore score = new HeadlineScorer(lexicon).score("Price target cut at Baird");
    assertThat(score.hits()).isEqualTo(1);
    assertThat(score.score()).isCloseTo(-2 / Math.sqrt(4 + 4), within(1e-12));
  }

  @Test
  void negationFlipsAndWeakensTheNextWords() throws Exception {
    FinanceLexicon lexicon = FinanceLexicon.parse(new BufferedReader(new StringReader("strong\t2\n")));
    HeadlineScorer scorer = new HeadlineScorer(lexicon);
    assertThat(scorer.score("not strong").score()).isCloseTo(-1.2 / Math.sqrt(1.44 + 4), within(1e-12));
    // Outside the three-word scope the word keeps its sign.
    assertThat(scorer.score("not that very much strong").score()).isCloseTo(2 / Math.sqrt(8), within(1e-12));
  }

  @Test
  void explainNamesTheTermsBehindTheScore() throws Exception {
    FinanceLexicon lexicon = FinanceLexicon.parse(new BufferedReader(new StringReader(
        "strong\t2\nprice target cut\t-2\n")));
    HeadlineScorer.ScoredText scored = new HeadlineScorer(lexicon).explain("Not strong, but analysts see a price target cut");

    assertThat(scored.terms()).containsExactly(
        new HeadlineScorer.TermMatch("strong", 2, true, 2 * HeadlineScorer.NEGATION_FACTOR),
        new HeadlineScorer.TermMatch("price target cut", -2, false, -2));
    assertThat(scored.score()).isEqualTo(new HeadlineScorer(lexicon).score("Not strong, but analysts see a price target cut"));
    assertThat(scored.score().hits()).isEqualTo(2);
  }

  @Test
  void textWithoutLexiconWordsHasNoHits() {
    assertThat(SCORER.score("Quarterly report filed")).isEqualTo(new SentimentScore(0, 0));
    assertThat(SCORER.score("")).isEqualTo(SentimentScore.NONE);
  }

  @Test
  void theBundledLexiconLoads() {
    assertThat(FinanceLexicon.builtin().size()).isGreaterThan(250);
    assertThat(FinanceLexicon.builtin().weight("all time high")).isEqualTo(2.0);
  }
}
