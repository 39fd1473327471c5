package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.FeaturePromptTemplate;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import java.util.List;

/**
 * How the microstructure agent asks a language model (Qwen on Vertex AI or any OpenAI-compatible
 * server): the order book and the trade flow of one event, the evidence the built-in
 * {@link MicrostructureModel} weighs, and a seconds-scale question. Cross-venue dislocations
 * stay with the built-in model, which sees every venue's book. Bump {@link #VERSION} on any
 * wording change.
 */
public final class MicrostructurePrompt {

  public static final String VERSION = "qwen-microstructure-prompt-v1";

  static final String ROLE = """
      You are a market-microstructure trader. For one instrument you receive the state of the
      order book and the recent trade flow at the latest event: best bid and ask, mid, spread in
      basis points, top-of-book and depth imbalance (positive means more bids), microprice,
      signed trade-flow imbalance (positive means aggressive buying), trade rate and VWAP.
      Decide whether the mid is more likely to tick up (LONG), down (SHORT) or neither (FLAT)
      over the next %d seconds. Persistent aggressive flow and a microprice away from the mid in
      the same direction support a call; a wide spread or flow that disagrees with the book
      lowers confidence; answer FLAT when the evidence is thin.""";

  static final List<String> FEATURES = List.of(
      "price", "mid", "best_bid", "best_ask", "spread_bps", "book_imbalance", "book_imbalance_top_n",
      "microprice", "trade_flow_imbalance", "trade_rate", "vwap", "last_size", "trades_seen");

  private MicrostructurePrompt() {
  }

  public static PromptTemplate template(int horizonSec) {
    return new FeaturePromptTemplate(VERSION, horizonSec, ROLE, FEATURES);
  }
}
