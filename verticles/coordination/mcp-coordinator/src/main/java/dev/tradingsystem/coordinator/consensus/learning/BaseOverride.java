package dev.tradingsystem.coordinator.consensus.learning;

/**
 * An operator's replacement of an agent's configured base weight.
 *
 * @param weight         the base weight the operator set
 * @param configuredBase the configured base weight it replaced ({@code coordinator.weights.<agent>}):
 *                       a restart keeps the override only while the configuration still says
 *                       this, so a later edit of the configuration wins over an old override
 */
public record BaseOverride(double weight, double configuredBase) {

  public BaseOverride {
    WeightBook.checkBase("override", weight);
    WeightBook.checkBase("configured", configuredBase);
  }
}
