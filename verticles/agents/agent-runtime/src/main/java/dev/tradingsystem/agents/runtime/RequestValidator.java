package dev.tradingsystem.agents.runtime;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boundary check of {@code analyze}: what every model may take for granted. A request that
 * passes has features, a known well-formed symbol, a positive finite price, only finite double
 * features and, when a candle closed, a consistent candle.
 */
public final class RequestValidator {

  private final Set<String> allowedSymbols;

  /** @param allowedSymbols accepted symbols; empty accepts any well-formed symbol */
  public RequestValidator(Set<String> allowedSymbols) {
    this.allowedSymbols = Set.copyOf(allowedSymbols);
  }

  public Optional<Rejection> check(AnalyzeRequest request) {
    if (request == null) {
      return reject("missing_request", "no request");
    }
    if (!request.hasFeatures()) {
      return reject("missing_features", "the request carries no feature vector");
    }
    FeatureVector features = request.getFeatures();
    String symbol = features.hasInstrument() ? features.getInstrument().getSymbol() : "";
    if (symbol.isEmpty()) {
      return reject("unknown_symbol", "the features name no instrument symbol");
    }
    if (!Instruments.isValidSymbol(symbol)) {
      return reject("invalid_symbol", "'" + symbol + "' is not a BASE/QUOTE symbol");
    }
    if (!allowedSymbols.isEmpty() && !allowedSymbols.contains(symbol)) {
      return reject("unknown_symbol", "'" + symbol + "' is not one of " + allowedSymbols);
    }
    if (!Double.isFinite(features.getPrice()) || features.getPrice() <= 0) {
      return reject("invalid_price", "price must be positive and finite, got " + features.getPrice());
    }
    // Every double feature feeds some model's state; one NaN would poison it for good.
    for (Map.Entry<FieldDescriptor, Object> field : features.getAllFields().entrySet()) {
      if (field.getValue() instanceof Double value && !Double.isFinite(value)) {
        return reject("non_finite_feature", field.getKey().getName() + " is " + value);
      }
    }
    if (features.hasClosedCandle()) {
      Candle candle = features.getClosedCandle();
      if (candle.getClose() <= 0 || candle.getOpen() <= 0 || candle.getLow() <= 0 || candle.getHigh() < candle.getLow()) {
        return reject("invalid_candle", "closed candle has non-positive or inverted prices: "
            + candle.getOpen() + "/" + candle.getHigh() + "/" + candle.getLow() + "/" + candle.getClose());
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(String reason, String message) {
    return Optional.of(new Rejection(reason, message));
  }
}
