package dev.tradingsystem.agents.fingpt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and phrases with a sentiment weight (-3 bearish .. +3 bullish), loaded from a
 * tab-separated resource. Terms are stored tokenised exactly as {@link HeadlineScorer} tokenises
 * text, so "all-time high" in the file matches "All-Time High" in a headline.
 */
public final class FinanceLexicon {

  /** The lexicon bundled with the agent. */
  public static final String BUILTIN_RESOURCE = "/dev/tradingsystem/agents/fingpt/finance-lexicon.tsv";

  private final Map<String, Double> weights;
  private final int longestTerm;

  private FinanceLexicon(Map<String, Double> weights, int longestTerm) {
    this.weights = Map.copyOf(weights);
    this.longestTerm = longestTerm;
  }

  public static FinanceLexicon builtin() {
    try (InputStream in = FinanceLexicon.class.getResourceAsStream(BUILTIN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("lexicon resource missing: " + BUILTIN_RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILTIN_RESOURCE, e);
    }
  }

  /** Parses {@code term<TAB>weight} lines; {@code #} starts a comment line. */
  public static FinanceLexicon parse(BufferedReader reader) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    int longest = 1;
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new IllegalArgumentException("lexicon line " + number + ": expected term<TAB>weight, got '" + line + "'");
      }
      List<String> tokens = HeadlineScorer.tokens(parts[0]);
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("lexicon line " + number + ": no word in '" + parts[0] + "'");
      }
      weights.put(String.join(" ", tokens), Double.parseDouble(parts[1].trim()));
      longest = Math.max(longest, tokens.size());
    }
    return new FinanceLexicon(weights, longest);
  }

  /** The weight of a term (words joined by single spaces), or null when it is not listed. */
  public Double weight(String term) {
    return weights.get(term);
  }

  /** Number of words in the longest listed phrase: how far ahead the scorer looks. */
  public int longestTerm() {
    return longestTerm;
  }

  public int size() {
    return weights.size();
  }
}
