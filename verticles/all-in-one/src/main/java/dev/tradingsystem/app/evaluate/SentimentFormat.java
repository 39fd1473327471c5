package dev.tradingsystem.app.evaluate;

import java.util.Locale;

/** Layouts of labelled financial-sentiment files that {@link LabelledSentences} reads. */
public enum SentimentFormat {
  /** Twitter Financial News Sentiment: CSV {@code text,label}, 0 bearish, 1 bullish, 2 neutral. */
  TFNS,
  /** Financial PhraseBank: one {@code sentence@label} per line, label positive, negative or neutral. */
  FPB;

  /** Reads {@code tfns} or {@code fpb}. */
  public static SentimentFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown sentiment format '" + text + "', expected tfns or fpb", e);
    }
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
