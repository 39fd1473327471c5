package dev.tradingsystem.frameworks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every framework refuses before a strategy sees a consensus, and the reason it names. */
class ConsensusChecksTest {

  private static final Consensus GOOD = ScriptedFramework.consensus(7, 1000);

  @Test
  void aWellFormedConsensusPasses() {
    assertThat(ConsensusChecks.problem(GOOD)).isNull();
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        row("no header", c -> c.clearMeta(), "missing-meta"),
        row("no features", c -> c.clearFeatures(), "missing-features"),
        row("symbol not BASE/QUOTE", features(f -> f.setInstrument(instrument(i -> i.setSymbol("btcusd")))),
            "unknown-symbol"),
        row("consensus and features disagree", c -> c.setSymbol("ETH/USD"), "symbol-mismatch"),
        row("price scale beyond 18", features(f -> f.setInstrument(instrument(i -> i.setPriceScale(19)))),
            "invalid-instrument"),
        row("negative lot size", features(f -> f.setInstrument(instrument(i -> i.setLotSize(-1)))),
            "invalid-instrument"),
        row("NaN price", features(f -> f.setPrice(Double.NaN)), "invalid-price"),
        row("zero price", features(f -> f.setPrice(0)), "invalid-price"),
        row("negative price", features(f -> f.setPrice(-5)), "invalid-price"),
        row("infinite price", features(f -> f.setPrice(Double.POSITIVE_INFINITY)), "invalid-price"),
        row("price above 1e12", features(f -> f.setPrice(2e12)), "invalid-price"),
        row("NaN haircut", c -> c.setSizeHaircut(Double.NaN), "invalid-haircut"),
        row("negative haircut", c -> c.setSizeHaircut(-0.1), "invalid-haircut"),
        row("haircut above 1", c -> c.setSizeHaircut(1.5), "invalid-haircut"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("badInputs")
  void badInputNamesItsReason(String description, UnaryOperator<Consensus.Builder> change, String reason) {
    assertThat(ConsensusChecks.problem(change.apply(GOOD.toBuilder()).build())).isEqualTo(reason);
  }

  @Test
  void fullHaircutIsValid() {
    assertThat(ConsensusChecks.problem(GOOD.toBuilder().setSizeHaircut(1).build())).isNull();
  }

  @Test
  void indicatorsAreLeftToTheStrategy() {
    Consensus nanScore = GOOD.toBuilder().setScore(Double.NaN).build();
    assertThat(ConsensusChecks.problem(nanScore)).isNull();
  }

  private static Arguments row(String description, UnaryOperator<Consensus.Builder> change, String reason) {
    return Arguments.of(description, change, reason);
  }

  private static UnaryOperator<Consensus.Builder> features(UnaryOperator<FeatureVector.Builder> change) {
    return c -> c.setFeatures(change.apply(c.getFeatures().toBuilder()));
  }

  private static Instrument instrument(UnaryOperator<Instrument.Builder> change) {
    return change.apply(GOOD.getFeatures().getInstrument().toBuilder()).build();
  }
}
