package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The sentiment agent's MCP tool {@code sentiment(text)}: a headline or short text scored by the
 * built-in lexicon model ({@link TextSentiment}), whatever backend answers the agent's signals.
 * The built-in scorer keeps the answer deterministic (the same text always scores the same), free,
 * and apart from the trading path: the text never enters the news window, and a language model
 * behind the agent is not asked, so no tool call spends its budget or trips its circuit breaker.
 */
final class SentimentTool {

  /** Longest text scored: a long article; the endpoint's body cap (256 KiB by default) bounds it too. */
  static final int MAX_TEXT_CHARS = 20_000;

  private SentimentTool() {
  }

  static McpTool create(SentimentModel model) {
    return McpTool.readOnly("sentiment")
        .title("Financial sentiment of a text")
        .description("Scores a financial headline or short English text with fingpt-agent's built-in finance "
            + "lexicon (" + SentimentModel.MODEL_ID + "): score in (-1, 1) (positive is bullish), label "
            + "bullish/bearish/neutral (and FinGPT's positive/negative/neutral), confidence in [0, 1], and the "
            + "lexicon terms found with their weights, negations included. Deterministic; the text is not added "
            + "to the agent's news and never affects trading.")
        .input(InputSchema.object()
            .required("text", SchemaProperty.string("The headline or text to score, in English")
                .length(1, MAX_TEXT_CHARS)))
        .handleJson(call -> Future.succeededFuture(toJson(TextSentiment.of(
            model.scorer().explain(call.string("text")), model.config().headlineThreshold()))))
        .build();
  }

  static JsonObject toJson(TextSentiment sentiment) {
    JsonArray terms = new JsonArray();
    for (HeadlineScorer.TermMatch term : sentiment.terms()) {
      terms.add(new JsonObject()
          .put("term", term.term())
          .put("weight", term.weight())
          .put("negated", term.negated())
          .put("contribution", term.contribution()));
    }
    return new JsonObject()
        .put("model", SentimentModel.MODEL_ID)
        .put("score", sentiment.score())
        .put("label", sentiment.label().name().toLowerCase(Locale.ROOT))
        .put("sentiment", sentiment.finGptLabel())
        .put("confidence", sentiment.confidence())
        .put("threshold", sentiment.threshold())
        .put("hits", sentiment.terms().size())
        .put("terms", terms);
  }
}
