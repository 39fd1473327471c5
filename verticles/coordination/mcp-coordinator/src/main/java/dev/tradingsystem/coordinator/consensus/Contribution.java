package dev.tradingsystem.coordinator.consensus;

/**
 * What one answer put into a fused edge.
 *
 * @param agent    the agent's short name ({@code deepseek})
 * @param estimate its signal read as edge and variance
 * @param weight   the agent weight the fusion used (configured base times learned factor)
 * @param share    its part of the fused precision, weight x precision / total, in [0, 1]
 */
public record Contribution(String agent, SignalEstimate estimate, double weight, double share) {
}
