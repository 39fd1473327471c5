package dev.tradingsystem.coordinator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.money.Instruments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consensus maths on hand-computed cases: min score 0.15, quorum 2 answering agents, edge
 * scale 10 bps. An answer reads {@code agent DIRECTION confidence strength [degraded]
 * [q=level:value,...]}; vote v = confidence x strength x sign; score = sum(w v) / sum(w).
 */
class ConsensusBuilderTest {

  private static final FeatureVector FEATURES = FeatureVector.newBuilder()
      .setMeta(Meta.newBuilder().setId("md-42").setSeq(42).setTraceId("t-42").setEventTimeUs(1_000).setIngestTimeUs(2_000))
      .setInstrument(Instruments.BITSTAMP_BTC_USD)
      .setPrice(800.0)
      .build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                        | answers                                                                      | missing                               | weights            | direction | score    | confidence | edge bps | variance   | quorum | degraded
      two agree long                    | deepseek LONG 0.8 0.5; qwen LONG 0.6 1.0                                     |                                       |                    | LONG      | 0.5      | 0.7        | 5.0      | 1.0        | true   | false
      opposite full votes cancel        | deepseek LONG 1 1; qwen SHORT 1 1                                            |                                       |                    | FLAT      | 0        | 1.0        | 0        | 100.0      | true   | false
      weights tilt but stay below 0.15  | deepseek LONG 0.5 0.4; qwen SHORT 1 0.2                                      |                                       | deepseek=3,qwen=1  | FLAT      | 0.1      | 0.625      | 1.0      | 3.0        | true   | false
      two shorts and a flat             | deepseek SHORT 0.9 0.5; qwen FLAT 0.5 0; fingpt SHORT 0.5 0.6                |                                       |                    | SHORT     | -0.25    | 0.633333   | -2.5     | 3.5        | true   | false
      exactly at the minimum score      | deepseek LONG 0.3 0.5; qwen LONG 0.3 0.5                                     |                                       |                    | LONG      | 0.15     | 0.3        | 1.5      | 0          | true   | false
      one answer is no quorum           | deepseek LONG 1 1                                                            | qwen-agent,fingpt-agent,lagllama-agent |                    | FLAT      | 1.0      | 1.0        | 10.0     | 0          | false  | true
      a degraded answer degrades        | deepseek LONG 1 1 degraded; qwen LONG 1 1                                    |                                       |                    | LONG      | 1.0      | 1.0        | 10.0     | 0          | true   | true
      non-finite confidence reads as 0  | deepseek LONG NaN 1; qwen LONG 1 0.5                                         |                                       |                    | LONG      | 0.25     | 0.5        | 2.5      | 6.25       | true   | false
      a zero weight is not heard        | deepseek LONG 0.5 0.5; qwen LONG 0.5 0.5; fingpt SHORT 1 1                   |                                       | fingpt=0           | LONG      | 0.25     | 0.5        | 2.5      | 0          | true   | false
      lagllama median sets the edge     | deepseek LONG 0.8 0.5; lagllama FLAT 0.5 0 q=0.1:-0.001,0.5:0.0005,0.9:0.002 |                                       |                    | LONG      | 0.2      | 0.65       | 5.0      | 136.996776 | true   | false
      two forecasts: spread + dispersion | lagllama FLAT 0.5 0 q=0.1:-0.001,0.5:0.001,0.9:0.003; qwen FLAT 0.5 0 q=0.5:-0.0005 |                                 |                    | FLAT      | 0        | 0.5        | 2.5      | 178.024912 | true   | false
      every agent missing               |                                                                              | deepseek-agent,qwen-agent             |                    | FLAT      | 0        | 0          | 0        | 0          | false  | true
      """)
  void fuses(String scenario, String answers, String missing, String weights, Direction direction, double score,
             double confidence, double edgeBps, double variance, boolean quorum, boolean degraded) {
    ConsensusBuilder builder = new ConsensusBuilder(new StaticWeights(parseWeights(weights), 1.0), new MinimumAnswers(2), 0.15, 10);
    List<AgentAnswer> parsed = parseAnswers(answers);
    List<String> missingAgents = missing == null ? List.of() : List.of(missing.split(","));

    Consensus consensus = builder.build(FEATURES, parsed, missingAgents);

    assertThat(consensus.getDirection()).as(scenario).isEqualTo(direction);
    assertThat(consensus.getScore()).as("score").isCloseTo(score, within(1e-6));
    assertThat(consensus.getConfidence()).as("confidence").isCloseTo(confidence, within(1e-6));
    assertThat(consensus.getExpectedEdgeBps()).as("edge").isCloseTo(edgeBps, within(1e-6));
    assertThat(consensus.getEdgeVariance()).as("variance").isCloseTo(variance, within(1e-4));
    assertThat(consensus.getQuorum()).as("quorum").isEqualTo(quorum);
    assertThat(consensus.getDegraded()).as("degraded").isEqualTo(degraded);
    assertThat(consensus.getMissingAgentsList()).containsExactlyElementsOf(missingAgents);
    assertThat(consensus.getSignalsList()).containsExactlyElementsOf(parsed.stream().map(AgentAnswer::signal).toList());
  }

  @Test
  void consensusCarriesTheFeaturesAndAMetaDerivedFromThem() {
    ConsensusBuilder builder = new ConsensusBuilder(new StaticWeights(Map.of(), 1.0), new MinimumAnswers(2), 0.15, 10);

    Consensus consensus = builder.build(FEATURES, parseAnswers("deepseek LONG 1 1; qwen LONG 1 1"), List.of());

    assertThat(consensus.getFeatures()).isEqualTo(FEATURES);
    assertThat(consensus.getSymbol()).isEqualTo("BTC/USD");
    assertThat(consensus.getMeta().getId()).isEqualTo("cs-md-42");
    assertThat(consensus.getMeta().getSeq()).isEqualTo(42);
    assertThat(consensus.getMeta().getTraceId()).isEqualTo("t-42");
    assertThat(consensus.getMeta().getEventTimeUs()).isEqualTo(1_000);
    assertThat(consensus.getMeta().getIngestTimeUs()).isEqualTo(2_000);
  }

  @Test
  void quorumCountsAnsweringAgentsFlatOnesIncluded() {
    ConsensusBuilder needsThree = new ConsensusBuilder(new StaticWeights(Map.of(), 1.0), new MinimumAnswers(3), 0.15, 10);

    Consensus twoAnswers = needsThree.build(FEATURES, parseAnswers("deepseek LONG 1 1; qwen LONG 1 1"), List.of("fingpt-agent"));
    Consensus threeAnswers = needsThree.build(FEATURES,
        parseAnswers("deepseek LONG 1 1; qwen LONG 1 1; fingpt FLAT 0.2 0"), List.of());

    assertThat(twoAnswers.getQuorum()).isFalse();
    assertThat(twoAnswers.getDirection()).as("a strong score without quorum stands down").isEqualTo(Direction.FLAT);
    assertThat(threeAnswers.getQuorum()).isTrue();
    assertThat(threeAnswers.getDirection()).isEqualTo(Direction.LONG);
  }

  @Test
  void unusableFeaturesGiveAFlatDegradedConsensus() {
    ConsensusBuilder builder = new ConsensusBuilder(new StaticWeights(Map.of(), 1.0), new MinimumAnswers(2), 0.15, 10);
    FeatureVector bad = FEATURES.toBuilder().setPrice(Double.NaN).build();

    Consensus consensus = builder.unusable(bad);

    assertThat(consensus.getDirection()).isEqualTo(Direction.FLAT);
    assertThat(consensus.getDegraded()).isTrue();
    assertThat(consensus.getQuorum()).isFalse();
    assertThat(consensus.getFeatures()).isEqualTo(bad);
    assertThat(consensus.getMeta().getSeq()).isEqualTo(42);
  }

  static List<AgentAnswer> parseAnswers(String text) {
    List<AgentAnswer> answers = new ArrayList<>();
    if (text == null) {
      return answers;
    }
    for (String part : text.split(";")) {
      String[] words = part.trim().split("\\s+");
      AgentSignal.Builder signal = AgentSignal.newBuilder()
          .setAgent(words[0])
          .setDirection(Direction.valueOf(words[1]))
          .setConfidence(Double.parseDouble(words[2]))
          .setStrength(Double.parseDouble(words[3]));
      for (int i = 4; i < words.length; i++) {
        if (words[i].equals("degraded")) {
          signal.setDegraded(true);
        } else if (words[i].startsWith("q=")) {
          for (String q : words[i].substring(2).split(",")) {
            String[] levelValue = q.split(":");
            signal.addQuantiles(Quantile.newBuilder()
                .setLevel(Double.parseDouble(levelValue[0])).setValue(Double.parseDouble(levelValue[1])));
          }
        }
      }
      answers.add(new AgentAnswer(words[0] + "-agent", signal.build()));
    }
    return answers;
  }

  private static Map<String, Double> parseWeights(String text) {
    Map<String, Double> weights = new HashMap<>();
    if (text != null) {
      for (String pair : text.split(",")) {
        String[] kv = pair.split("=");
        weights.put(kv[0].trim(), Double.parseDouble(kv[1]));
      }
    }
    return weights;
  }
}
