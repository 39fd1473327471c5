package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Spending limits of one agent's remote backend, keys {@code agents.<short>.budget.*}. Every
 * limit is hard: a call that could cross it is not made and the built-in model answers instead
 * (degraded {@code budget_exhausted}), so a runaway loop costs model quality, never money.
 * Defaults suit a small hosted model on one symbol; set the prices of the model actually used.
 *
 * @param tokensPerMinute              tokens per UTC minute, the provider's usual rate-limit unit
 * @param tokensPerDay                 tokens per UTC day
 * @param usdPerDay                    estimated spend per UTC day, in US dollars
 * @param usdPerMillionPromptTokens    list price of input tokens (0 for a self-hosted server)
 * @param usdPerMillionCompletionTokens list price of output tokens
 * @param maxAnswerTokens              the answer length asked for and reserved before each call
 */
public record BudgetConfig(long tokensPerMinute, long tokensPerDay, double usdPerDay,
    double usdPerMillionPromptTokens, double usdPerMillionCompletionTokens, int maxAnswerTokens) {

  public static final long DEFAULT_TOKENS_PER_MINUTE = 200_000;
  public static final long DEFAULT_TOKENS_PER_DAY = 20_000_000;
  public static final double DEFAULT_USD_PER_DAY = 25.0;
  public static final double DEFAULT_USD_PER_MILLION_PROMPT = 0.50;
  public static final double DEFAULT_USD_PER_MILLION_COMPLETION = 1.50;
  public static final int DEFAULT_MAX_ANSWER_TOKENS = 256;

  public static String key(String agent, String setting) {
    return AgentRuntimeConfig.key(agent, "budget." + setting);
  }

  /** @throws dev.tradingsystem.shared.config.ConfigException naming a key out of range */
  public static BudgetConfig from(ConfigReader config, String agent) {
    return new BudgetConfig(
        config.integer(key(agent, "tokensPerMinute"), DEFAULT_TOKENS_PER_MINUTE, 0, Long.MAX_VALUE / 4),
        config.integer(key(agent, "tokensPerDay"), DEFAULT_TOKENS_PER_DAY, 0, Long.MAX_VALUE / 4),
        config.decimal(key(agent, "usdPerDay"), DEFAULT_USD_PER_DAY, 0, 1e9),
        config.decimal(key(agent, "usdPerMillionPromptTokens"), DEFAULT_USD_PER_MILLION_PROMPT, 0, 1e6),
        config.decimal(key(agent, "usdPerMillionCompletionTokens"), DEFAULT_USD_PER_MILLION_COMPLETION, 0, 1e6),
        config.integer(key(agent, "maxAnswerTokens"), DEFAULT_MAX_ANSWER_TOKENS, 16, 32_768));
  }

  /** Estimated cost of {@code usage} in micro-dollars, rounded up so estimates never undercount. */
  public long microUsd(TokenUsage usage) {
    double usd = usage.promptTokens() * usdPerMillionPromptTokens / 1e6
        + usage.completionTokens() * usdPerMillionCompletionTokens / 1e6;
    return (long) Math.ceil(usd * 1e6);
  }
}
