package dev.tradingsystem.agents.fingpt;

import java.util.List;

/**
 * The sentiment of one free text as the agent's {@code sentiment} tool answers it: the
 * {@link HeadlineScorer}'s score, its label at the headline threshold, a confidence, and the
 * lexicon terms behind it. Scoring is stateless: the text never enters the news window, so asking
 * cannot move the agent's signals.
 *
 * <p>Confidence grows with evidence, {@code 1 - exp(-hits / 2)} (one term 0.39, two 0.63, four
 * 0.86), times how one-sided the evidence is: for a bullish or bearish label, the share of the
 * terms' absolute contribution on the label's side; for a neutral one, how far the score stays
 * inside the threshold ({@code 1 - |score| / threshold}). No term, no confidence.
 *
 * @param score      in (-1, 1), positive bullish
 * @param label      bullish, bearish or neutral at {@code threshold}
 * @param confidence in [0, 1]
 * @param threshold  |score| above which the text is not neutral
 * @param terms      the lexicon terms found, in text order
 */
public record TextSentiment(double score, SentimentLabel label, double confidence, double threshold,
    List<HeadlineScorer.TermMatch> terms) {

  public TextSentiment {
    terms = List.copyOf(terms);
  }

  /** Judges a scored text at the headline {@code threshold}. */
  public static TextSentiment of(HeadlineScorer.ScoredText scored, double threshold) {
    SentimentScore score = scored.score();
    SentimentLabel label = score.label(threshold);
    if (scored.terms().isEmpty()) {
      return new TextSentiment(score.score(), label, 0, threshold, scored.terms());
    }
    double evidence = 1 - Math.exp(-scored.terms().size() / 2.0);
    double oneSided;
    if (label == SentimentLabel.NEUTRAL) {
      oneSided = threshold > 0 ? 1 - Math.abs(score.score()) / threshold : 1;
    } else {
      double total = 0;
      double agreeing = 0;
      for (HeadlineScorer.TermMatch term : scored.terms()) {
        total += Math.abs(term.contribution());
        if (Math.signum(term.contribution()) == Math.signum(score.score())) {
          agreeing += Math.abs(term.contribution());
        }
      }
      oneSided = total > 0 ? agreeing / total : 0;
    }
    return new TextSentiment(score.score(), label, clamp(evidence * oneSided), threshold, scored.terms());
  }

  /** FinGPT's word for the label: positive, negative or neutral. */
  public String finGptLabel() {
    return switch (label) {
      case BULLISH -> "positive";
      case BEARISH -> "negative";
      case NEUTRAL -> "neutral";
    };
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
