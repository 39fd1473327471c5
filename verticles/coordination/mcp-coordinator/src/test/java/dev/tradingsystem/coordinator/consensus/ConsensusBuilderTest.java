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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consensus on hand-computed cases: min score 0.15, quorum 2 answering agents, edge scale
 * S = 10 bps. An answer reads {@code agent DIRECTION confidence strength [degraded]
 * [q=level:value,...]}. A directional answer is an edge d s S with variance S^2 / c; a forecast
 * is its median with the variance of its quantile spread; p_i = w_i / var_i, edge = sum(p mu) / P,
 * variance = 1 / P + sum(p (mu - edge)^2) / P, score = edge / S (see {@link EdgeFusion}).
 * Worked example, "two agree long": mu = 5 and 10, var = 125 and 166.67, p = 0.008 and 0.006,
 * edge = (0.04 + 0.06) / 0.014 = 7.142857, variance = 71.428571 + (0.008 x 2.142857^2 +
 * 0.006 x 2.857143^2) / 0.014 = 77.551020.
 */
class ConsensusBuilderTest {

  private static final StaticWeights EQUAL = new StaticWeights(Map.of(), 1.0);

  private static final FeatureVector FEATURES = FeatureVector.newBuilder()
      .setMeta(Meta.newBuilder().setId("md-42").setSeq(42).setTraceId("t-42").setEventTimeUs(1_000).setIngestTimeUs(2_000))
      .setInstrument(Instruments.BITSTAMP_BTC_USD)
      .setPrice(800.0)
      .build();

  private static ConsensusBuilder builder(int quorum) {
    return new ConsensusBuilder(new MinimumAnswers(quorum), 0.15, 10);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                          | answers                                                                      | missing                                | weights           | direction | score     | confidence | edge bps  | variance   | quorum | degraded
      two agree long                      | deepseek LONG 0.8 0.5; qwen LONG 0.6 1.0                                     |                                        |                   | LONG      | 0.714286  | 0.7        | 7.142857  | 77.551020  | true   | false
      opposite full calls cancel          | deepseek LONG 1 1; qwen SHORT 1 1                                            |                                        |                   | FLAT      | 0         | 1.0        | 0         | 150.0      | true   | false
      weight 3 tilts a weak long through  | deepseek LONG 0.5 0.4; qwen SHORT 1 0.2                                      |                                        | deepseek=3        | LONG      | 0.16      | 0.625      | 1.6       | 48.64      | true   | false
      two shorts and a flat               | deepseek SHORT 0.9 0.5; qwen FLAT 0.5 0; fingpt SHORT 0.5 0.6                |                                        |                   | SHORT     | -0.394737 | 0.633333   | -3.947368 | 58.365651  | true   | false
      just below the minimum score        | deepseek LONG 0.3 0.14; qwen LONG 0.3 0.14                                   |                                        |                   | FLAT      | 0.14      | 0.3        | 1.4       | 166.666667 | true   | false
      one answer is no quorum             | deepseek LONG 1 1                                                            | qwen-agent,fingpt-agent,lagllama-agent |                   | FLAT      | 1.0       | 1.0        | 10.0      | 100.0      | false  | true
      a degraded answer degrades          | deepseek LONG 1 1 degraded; qwen LONG 1 1                                    |                                        |                   | LONG      | 1.0       | 1.0        | 10.0      | 50.0       | true   | true
      non-finite confidence says nothing  | deepseek LONG NaN 1; qwen LONG 1 0.5                                         |                                        |                   | LONG      | 0.5       | 0.5        | 5.0       | 100.0      | true   | false
      a zero weight is not heard          | deepseek LONG 0.5 0.5; qwen LONG 0.5 0.5; fingpt SHORT 1 1                   |                                        | fingpt=0          | LONG      | 0.5       | 0.5        | 5.0       | 100.0      | true   | false
      forecast agrees: evidence pools     | deepseek LONG 0.8 0.5; lagllama FLAT 0.5 0 q=0.1:-0.001,0.5:0.0005,0.9:0.002 |                                        |                   | LONG      | 0.5       | 0.65       | 5.0       | 65.361862  | true   | false
      two forecasts: spread + dispersion  | lagllama FLAT 0.5 0 q=0.1:-0.001,0.5:0.001,0.9:0.003; qwen FLAT 0.5 0 q=0.5:-0.0005 |                                 |                   | LONG      | 0.176361  | 0.5        | 1.763614  | 165.526210 | true   | false
      tight forecast beats a vague short  | deepseek SHORT 0.2 1; lagllama FLAT 0.5 0 q=0.1:0,0.5:0.0008,0.9:0.0016      |                                        |                   | LONG      | 0.669858  | 0.35       | 6.698580  | 57.882405  | true   | false
      every agent missing                 |                                                                              | deepseek-agent,qwen-agent              |                   | FLAT      | 0         | 0          | 0         | 0          | false  | true
      """)
  void fuses(String scenario, String answers, String missing, String weights, Direction direction, double score,
             double confidence, double edgeBps, double variance, boolean quorum, boolean degraded) {
    List<AgentAnswer> parsed = parseAnswers(answers);
    List<MissingAgent> missingAgents = missing == null ? List.of()
        : Stream.of(missing.split(",")).map(a -> new MissingAgent(a, MissingReason.TIMEOUT, "late")).toList();

    Consensus consensus = builder(2).decide(FEATURES, parsed, missingAgents, new StaticWeights(parseWeights(weights), 1.0))
        .consensus();

    assertThat(consensus.getDirection()).as(scenario).isEqualTo(direction);
    assertThat(consensus.getScore()).as("score").isCloseTo(score, within(1e-6));
    assertThat(consensus.getConfidence()).as("confidence").isCloseTo(confidence, within(1e-6));
    assertThat(consensus.getExpectedEdgeBps()).as("edge").isCloseTo(edgeBps, within(1e-6));
    assertThat(consensus.getEdgeVariance()).as("variance").isCloseTo(variance, within(1e-5));
    assertThat(consensus.getQuorum()).as("quorum").isEqualTo(quorum);
    assertThat(consensus.getDegraded()).as("degraded").isEqualTo(degraded);
    assertThat(consensus.getMissingAgentsList()).containsExactlyElementsOf(missingAgents.stream().map(MissingAgent::agent).toList());
    assertThat(consensus.getSignalsList()).containsExactlyElementsOf(parsed.stream().map(AgentAnswer::signal).toList());
  }

  @Test
  void consensusCarriesTheFeaturesAndAMetaDerivedFromThem() {
    Consensus consensus = builder(2).decide(FEATURES, parseAnswers("deepseek LONG 1 1; qwen LONG 1 1"), List.of(), EQUAL)
        .consensus();

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
    ConsensusBuilder needsThree = builder(3);

    Consensus twoAnswers = needsThree.decide(FEATURES, parseAnswers("deepseek LONG 1 1; qwen LONG 1 1"),
        List.of(new MissingAgent("fingpt-agent", MissingReason.ERROR, "crashed")), EQUAL).consensus();
    Consensus threeAnswers = needsThree.decide(FEATURES,
        parseAnswers("deepseek LONG 1 1; qwen LONG 1 1; fingpt FLAT 0.2 0"), List.of(), EQUAL).consensus();

    assertThat(twoAnswers.getQuorum()).isFalse();
    assertThat(twoAnswers.getDirection()).as("a strong score without quorum stands down").isEqualTo(Direction.FLAT);
    assertThat(threeAnswers.getQuorum()).isTrue();
    assertThat(threeAnswers.getDirection()).isEqualTo(Direction.LONG);
  }

  @Test
  void unusableFeaturesGiveAFlatDegradedConsensus() {
    FeatureVector bad = FEATURES.toBuilder().setPrice(Double.NaN).build();

    Consensus consensus = builder(2).unusable(bad);

    assertThat(consensus.getDirection()).isEqualTo(Direction.FLAT);
    assertThat(consensus.getDegraded()).isTrue();
    assertThat(consensus.getQuorum()).isFalse();
    assertThat(consensus.getFeatures()).isEqualTo(bad);
    assertThat(consensus.getMeta().getSeq()).isEqualTo(42);
  }

  @Test
  void theConsensusCarriesWhyAgentsAreMissingAndTheWeightOfEachSignal() {
    MissingAgent stale = new MissingAgent("qwen-agent", MissingReason.STALE, "signal is 9000 ms older");

    ConsensusBuilder.Decision decision = builder(1).decide(FEATURES, parseAnswers("deepseek LONG 1 1"), List.of(stale), EQUAL);

    assertThat(decision.consensus().getMissingAgentsList()).containsExactly("qwen-agent");
    assertThat(decision.consensus().getMissingList()).containsExactly(dev.tradingsystem.proto.MissingAgent.newBuilder()
        .setAgent("qwen-agent").setReason("stale").setDetail("signal is 9000 ms older").build());
    assertThat(decision.consensus().getSignalWeightsList()).containsExactly(1.0);
    assertThat(decision.missing()).containsExactly(stale);
    assertThat(decision.fused().contributions()).extracting(Contribution::agent).containsExactly("deepseek");
  }

  @Test
  void aPausedAgentIsMissingButDoesNotDegradeTheConsensus() {
    MissingAgent paused = new MissingAgent("qwen-agent", MissingReason.PAUSED, "paused by alice");

    Consensus consensus = builder(1).decide(FEATURES, parseAnswers("deepseek LONG 1 1"), List.of(paused), EQUAL)
        .consensus();

    assertThat(consensus.getMissingList()).extracting(m -> m.getReason()).containsExactly("paused");
    assertThat(consensus.getDegraded()).isFalse();
    assertThat(consensus.getDirection()).isEqualTo(Direction.LONG);
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
