package dev.tradingsystem.coordinator.consensus.learning;

/**
 * One agent's weight and the record behind it.
 *
 * @param agent      short name ({@code deepseek})
 * @param baseWeight configured weight ({@code coordinator.weights.<agent>})
 * @param posterior  its hit-rate posterior
 * @param factor     learned factor: 2 x hit rate, clamped to [minFactor, maxFactor]
 * @param weight     base weight x factor: what fusion uses
 */
public record Standing(String agent, double baseWeight, Posterior posterior, double factor, double weight) {
}
