package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Optional;

/** Is a feature vector fit to show the agents? Returns the reason (a metric label) when not. */
public final class FeatureCheck {

  private FeatureCheck() {
  }

  public static Optional<String> problem(FeatureVector features) {
    if (!features.hasInstrument() || !Instruments.isValidSymbol(features.getInstrument().getSymbol())) {
      return Optional.of("unknown-symbol");
    }
    double price = features.getPrice();
    if (!Double.isFinite(price)) {
      return Optional.of("nan-price");
    }
    if (price <= 0) {
      return Optional.of("non-positive-price");
    }
    return Optional.empty();
  }
}
