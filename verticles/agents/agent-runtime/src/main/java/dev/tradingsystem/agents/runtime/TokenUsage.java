package dev.tradingsystem.agents.runtime;

/**
 * Tokens one remote call consumed, as the provider reported them ({@code usage} in chat
 * completions, {@code usageMetadata} in Gemini). A provider that reports nothing gets the
 * runtime's estimate, so a budget never counts a call as free.
 */
public record TokenUsage(long promptTokens, long completionTokens) {

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative: " + promptTokens + ", " + completionTokens);
    }
  }

  public long total() {
    return promptTokens + completionTokens;
  }

  /**
   * An estimate for text of {@code promptChars} characters and an answer of at most
   * {@code maxAnswerTokens}: four characters per token, the usual rule for English and JSON.
   */
  public static TokenUsage estimate(long promptChars, long maxAnswerTokens) {
    return new TokenUsage((promptChars + 3) / 4, maxAnswerTokens);
  }
}
