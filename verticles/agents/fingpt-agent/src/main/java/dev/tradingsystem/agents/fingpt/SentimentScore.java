package dev.tradingsystem.agents.fingpt;

/**
 * The sentiment of one text.
 *
 * @param score normalised to (-1, 1): negative bearish, positive bullish
 * @param hits  lexicon terms found; 0 means the model had nothing to judge by
 */
public record SentimentScore(double score, int hits) {

  public static final SentimentScore NONE = new SentimentScore(0, 0);

  /** The label at a decision threshold: bullish above {@code +threshold}, bearish below its negative. */
  public SentimentLabel label(double threshold) {
    if (score > threshold) {
      return SentimentLabel.BULLISH;
    }
    if (score < -threshold) {
      return SentimentLabel.BEARISH;
    }
    return SentimentLabel.NEUTRAL;
  }
}
