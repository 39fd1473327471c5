package dev.tradingsystem.portfolio.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole-micro splits that add up, vote shares, and the package's independence from Vert.x. */
class AttributionSplitTest {

  @ParameterizedTest(name = "{0} micros by a {1} / b {2} → a {3}, b {4}")
  @CsvSource({
      "10,  0.25,           0.25,           3,  2",    // c has half: 2.5 / 2.5 / 5, the tie goes to a by name
      "7,   0.5,            0.25,           3,  2",    // 3.5 / 1.75 / unattributed 1.75
      "-10, 0.5,            0,              -5, 0",    // losses split the same way
      "1,   0.6,            0.4,            1,  0",
  })
  void splitsIntoWholeMicrosByLargestRemainder(long pnl, double a, double b, long expectA, long expectB) {
    Map<String, Double> weights = pnl == 10 ? Map.of("a", a, "b", b, "c", 1 - a - b) : Map.of("a", a, "b", b);

    Map<String, Long> split = SignalAttribution.split(pnl, weights);

    assertThat(split.get("a")).isEqualTo(expectA);
    assertThat(split.get("b")).isEqualTo(expectB);
    assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isBetween(-Math.abs(pnl), Math.abs(pnl));
  }

  @ParameterizedTest(name = "a {0} {1} w{2}, b {3} {4} w{5}: BUY → a {6} b {7}; SELL → a {8} b {9}")
  @CsvSource({
      "LONG, 1.0, 1.0, LONG,  1.0, 3.0, 0.25, 0.75, 0,   0",
      "LONG, 0.5, 1.0, SHORT, 1.0, 1.0, 1.0,  0,    0,   1.0",
      "LONG, 1.0, 1.0, FLAT,  1.0, 1.0, 1.0,  0,    0,   0",
      "LONG, 2.0, 1.0, LONG,  1.0, 1.0, 0.5,  0.5,  0,   0",    // strength clamped to 1
  })
  void aShareIsTheVoteForTheTradeNormalised(Direction da, double sa, double wa, Direction db, double sb, double wb,
      double buyA, double buyB, double sellA, double sellB) {
    AgentVotes votes = AgentVotes.of(Consensus.newBuilder()
        .addSignals(AgentSignal.newBuilder().setAgent("a").setDirection(da).setStrength(sa)).addSignalWeights(wa)
        .addSignals(AgentSignal.newBuilder().setAgent("b").setDirection(db).setStrength(sb)).addSignalWeights(wb)
        .build());

    assertThat(votes.sharesFor(Side.BUY).getOrDefault("a", 0.0)).isEqualTo(buyA);
    assertThat(votes.sharesFor(Side.BUY).getOrDefault("b", 0.0)).isEqualTo(buyB);
    assertThat(votes.sharesFor(Side.SELL).getOrDefault("a", 0.0)).isEqualTo(sellA);
    assertThat(votes.sharesFor(Side.SELL).getOrDefault("b", 0.0)).isEqualTo(sellB);
  }

  @Test
  void withoutFusedWeightsEverySignalCountsOnce() {
    AgentVotes votes = AgentVotes.of(Consensus.newBuilder()
        .addSignals(AgentSignal.newBuilder().setAgent("a").setDirection(Direction.LONG).setStrength(0.6))
        .addSignals(AgentSignal.newBuilder().setAgent("b").setDirection(Direction.LONG).setStrength(0.2))
        .build());

    assertThat(votes.sharesFor(Side.BUY).get("a")).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void attributionImportsNoVertx() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/tradingsystem/portfolio/attribution"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".java")).toList())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(Files.readString(p)).as(p.toString()).doesNotContain("import io.vertx"));
    }
  }
}
