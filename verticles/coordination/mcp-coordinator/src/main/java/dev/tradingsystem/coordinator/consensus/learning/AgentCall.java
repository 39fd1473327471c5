package dev.tradingsystem.coordinator.consensus.learning;

/**
 * One agent's call at a decision, as far as scoring needs it.
 *
 * @param agent     short name ({@code deepseek})
 * @param sign      +1 when it expected the price to rise, -1 to fall (calls without a lean are
 *                  not kept: they cannot be right or wrong)
 * @param horizonMs how long after the fill its call is judged
 */
public record AgentCall(String agent, int sign, long horizonMs) {

  public AgentCall {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
    }
    if (horizonMs <= 0) {
      throw new IllegalArgumentException("horizonMs must be > 0, got " + horizonMs);
    }
  }
}
