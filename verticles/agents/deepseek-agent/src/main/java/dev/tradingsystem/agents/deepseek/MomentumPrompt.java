package dev.tradingsystem.agents.deepseek;

import dev.tradingsystem.agents.runtime.FeaturePromptTemplate;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import java.util.List;

/**
 * How the momentum agent asks a language model (DeepSeek on Vertex AI or any OpenAI-compatible
 * server): the same evidence the built-in {@link MomentumModel} weighs, multi-horizon returns
 * against volatility, the EMA and MACD trend, Bollinger and RSI stretch, and the same question,
 * trend or mean reversion over the next minute. Bump {@link #VERSION} on any wording change.
 */
public final class MomentumPrompt {

  public static final String VERSION = "deepseek-momentum-prompt-v1";

  static final String ROLE = """
      You are a high-frequency momentum trader. For one instrument you receive the features of the
      latest trade: log returns over a short, medium and long tick horizon, per-tick volatility,
      fast and slow EMAs, MACD with its signal line, Bollinger bands, RSI, ATR and the trade rate.
      Decide whether the price is more likely to rise (LONG), fall (SHORT) or neither (FLAT) over
      the next %d seconds. First judge the regime: a trend when the horizons agree in sign and the
      move is large against volatility (breakouts beyond a Bollinger band with rising trade rate
      confirm it); mean reversion when horizons disagree or RSI is stretched beyond 70 or below 30.
      Follow a trend, fade a stretched move only with low strength, and answer FLAT with low
      confidence when the returns are small compared with the volatility.""";

  static final List<String> FEATURES = List.of(
      "price", "return_short", "return_medium", "return_long", "volatility", "realized_volatility",
      "ema_fast", "ema_slow", "macd", "macd_signal", "macd_histogram",
      "bollinger_middle", "bollinger_upper", "bollinger_lower", "rsi", "atr", "trade_rate", "trades_seen");

  private MomentumPrompt() {
  }

  /** The template over a {@code horizonSec} view. */
  public static PromptTemplate template(int horizonSec) {
    return new FeaturePromptTemplate(VERSION, horizonSec, ROLE, FEATURES);
  }
}
