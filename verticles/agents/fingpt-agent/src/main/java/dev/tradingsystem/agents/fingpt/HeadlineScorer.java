package dev.tradingsystem.agents.fingpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a headline with a {@link FinanceLexicon}.
 * <ul>
 *   <li>Text is lower-cased; links, cashtags, mentions and hashtags are dropped (tickers carry
 *       no sentiment, and "$CUT" must not read as "cut").</li>
 *   <li>The longest listed phrase wins at each position: "price target cut" counts once, as
 *       bearish, not as "price", "target" and "cut".</li>
 *   <li>Negation ("not", "no", "never", "without", any "-n't") flips and weakens the next
 *       {@value #NEGATION_SCOPE} words by {@value #NEGATION_FACTOR}: "not a strong quarter"
 *       is mildly bearish, not bullish.</li>
 *   <li>The sum {@code s} is squashed to {@code s / sqrt(s^2 + }{@value #NORMALISER}{@code )}:
 *       one strong word (weight 2) scores 0.71, three of them 0.95.</li>
 * </ul>
 */
public final class HeadlineScorer {

  static final int NEGATION_SCOPE = 3;
  static final double NEGATION_FACTOR = -0.6;
  static final double NORMALISER = 4.0;

  private static final Pattern LINKS = Pattern.compile("https?://\\S+");
  private static final Pattern TAGS = Pattern.compile("[$@#][a-z0-9_.]+");
  private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");
  private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nor", "without", "cannot");

  private final FinanceLexicon lexicon;

  public HeadlineScorer(FinanceLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The words of a text as the scorer and the lexicon see them. */
  public static List<String> tokens(String text) {
    String cleaned = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    cleaned = LINKS.matcher(cleaned).replaceAll(" ");
    cleaned = TAGS.matcher(cleaned).replaceAll(" ");
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(cleaned);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /**
   * A lexicon term found in a text.
   *
   * @param term         the listed term as matched (words joined by single spaces)
   * @param weight       its weight in the lexicon
   * @param negated      whether a negation before it flipped and weakened it
   * @param contribution what it added to the sum: the weight, or the weight times
   *                     {@value #NEGATION_FACTOR} when negated
   */
  public record TermMatch(String term, double weight, boolean negated, double contribution) {
  }

  /** A score with the terms behind it, in text order. */
  public record ScoredText(SentimentScore score, List<TermMatch> terms) {

    public ScoredText {
      terms = List.copyOf(terms);
    }
  }

  public SentimentScore score(String text) {
    return explain(text).score();
  }

  /** The score of a text and the lexicon terms that made it, for a reader who wants the evidence. */
  public ScoredText explain(String text) {
    if (text == null || text.isBlank()) {
      return new ScoredText(SentimentScore.NONE, List.of());
    }
    List<String> words = tokens(text);
    List<TermMatch> terms = new ArrayList<>();
    double sum = 0;
    int negated = 0;
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i);
      if (NEGATORS.contains(word) || word.endsWith("n't")) {
        negated = NEGATION_SCOPE;
        i++;
        continue;
      }
      int matched = 0;
      double weight = 0;
      for (int n = Math.min(lexicon.longestTerm(), words.size() - i); n >= 1 && matched == 0; n--) {
        Double w = lexicon.weight(String.join(" ", words.subList(i, i + n)));
        if (w != null) {
          matched = n;
          weight = w;
        }
      }
      int advance = Math.max(1, matched);
      if (matched > 0) {
        double contribution = negated > 0 ? weight * NEGATION_FACTOR : weight;
        sum += contribution;
        terms.add(new TermMatch(String.join(" ", words.subList(i, i + matched)), weight, negated > 0, contribution));
      }
      negated = Math.max(0, negated - advance);
      i += advance;
    }
    return new ScoredText(new SentimentScore(sum / Math.sqrt(sum * sum + NORMALISER), terms.size()), terms);
  }
}
