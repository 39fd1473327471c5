package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

  private static final FeatureVector GOOD = FeatureVector.newBuilder()
      .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(800).setMid(800).setVolatility(0.001)
      .setClosedCandle(Candle.newBuilder().setOpen(80_000).setHigh(80_500).setLow(79_900).setClose(80_100))
      .build();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("well-formed request", edit(f -> f), "accepted"),
        Arguments.of("no symbol", edit(f -> f.clearInstrument()), "unknown_symbol"),
        Arguments.of("lower-case symbol", edit(f -> f.setInstrument(f.getInstrument().toBuilder().setSymbol("btc/usd"))), "invalid_symbol"),
        Arguments.of("symbol not configured", edit(f -> f.setInstrument(f.getInstrument().toBuilder().setSymbol("ETH/USD"))), "unknown_symbol"),
        Arguments.of("NaN price", edit(f -> f.setPrice(Double.NaN)), "invalid_price"),
        Arguments.of("zero price", edit(f -> f.setPrice(0)), "invalid_price"),
        Arguments.of("negative price", edit(f -> f.setPrice(-1)), "invalid_price"),
        Arguments.of("infinite volatility", edit(f -> f.setVolatility(Double.POSITIVE_INFINITY)), "non_finite_feature"),
        Arguments.of("NaN RSI", edit(f -> f.setRsi(Double.NaN)), "non_finite_feature"),
        Arguments.of("inverted candle", edit(f -> f.setClosedCandle(f.getClosedCandle().toBuilder().setHigh(1))), "invalid_candle"),
        Arguments.of("zero close", edit(f -> f.setClosedCandle(f.getClosedCandle().toBuilder().setClose(0))), "invalid_candle"),
        Arguments.of("no features", AnalyzeRequest.getDefaultInstance(), "missing_features"));
  }

  private static AnalyzeRequest edit(UnaryOperator<FeatureVector.Builder> change) {
    return AnalyzeRequest.newBuilder().setFeatures(change.apply(GOOD.toBuilder())).build();
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("cases")
  void boundaryTable(String description, AnalyzeRequest request, String expected) {
    RequestValidator validator = new RequestValidator(Set.of("BTC/USD"));
    String outcome = validator.check(request).map(Rejection::reason).orElse("accepted");
    assertThat(outcome).isEqualTo(expected);
  }

  @ParameterizedTest(name = "no allow-list accepts {0}")
  @ValueSource(strings = {"BTC/USD", "ETH/USDT", "SOL/EUR"})
  void emptyAllowListAcceptsAnyWellFormedSymbol(String symbol) {
    RequestValidator validator = new RequestValidator(Set.of());
    AnalyzeRequest request = edit(f -> f.setInstrument(f.getInstrument().toBuilder().setSymbol(symbol)));
    assertThat(validator.check(request)).isEmpty();
  }
}
