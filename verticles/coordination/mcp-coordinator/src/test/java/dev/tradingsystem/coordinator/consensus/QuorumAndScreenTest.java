package dev.tradingsystem.coordinator.consensus;

import static dev.tradingsystem.coordinator.consensus.ConsensusBuilderTest.parseAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Meta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quorum rule with its degraded-answer policy, and the stale-signal screen. */
class QuorumAndScreenTest {

  @ParameterizedTest(name = "min {0}, degraded count {1}: {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # min | count degraded | answers                                                       | met
      3     | true           | deepseek LONG 1 1; qwen LONG 1 1; fingpt FLAT 0.5 0            | true
      3     | true           | deepseek LONG 1 1; qwen LONG 1 1                               | false
      3     | true           | deepseek LONG 1 1; qwen LONG 1 1 degraded; fingpt FLAT 0.5 0   | true
      3     | false          | deepseek LONG 1 1; qwen LONG 1 1 degraded; fingpt FLAT 0.5 0   | false
      2     | false          | deepseek LONG 1 1; qwen LONG 1 1 degraded; fingpt FLAT 0.5 0   | true
      0     | false          |                                                                | true
      """)
  void quorum(int minimum, boolean countDegraded, String answers, boolean met) {
    List<AgentAnswer> parsed = parseAnswers(answers);

    assertThat(new MinimumAnswers(minimum, countDegraded).met(parsed, 4)).isEqualTo(met);
  }

  @ParameterizedTest(name = "signal at {0} us, decision at {1} us, ttl {2} ms -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # signal time   | decision time | ttl ms | outcome
      1000000000      | 1000000000    | 5000   | fresh
      995000000       | 1000000000    | 5000   | fresh
      994999999       | 1000000000    | 5000   | stale
      0               | 1000000000    | 5000   | fresh
      1000500000      | 1000000000    | 5000   | fresh
      999000000       | 1000000000    | 1      | stale
      """)
  void staleSignalsAreMissing(long signalTimeUs, long decisionTimeUs, long ttlMs, String outcome) {
    AgentSignal signal = AgentSignal.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(signalTimeUs))
        .setDirection(Direction.LONG).setConfidence(1).setStrength(1).build();

    SignalScreen.Screened screened = new SignalScreen(ttlMs)
        .screen(List.of(AgentReply.answered("deepseek-agent", signal)), decisionTimeUs);

    if (outcome.equals("fresh")) {
      assertThat(screened.answers()).extracting(AgentAnswer::agent).containsExactly("deepseek-agent");
      assertThat(screened.missing()).isEmpty();
    } else {
      assertThat(screened.answers()).isEmpty();
      assertThat(screened.missing()).extracting(MissingAgent::reason).containsExactly(MissingReason.STALE);
    }
  }

  @Test
  void theScreenKeepsTheAskingOrderAndTheTransportReasons() {
    AgentSignal old = AgentSignal.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(1)).build();
    AgentSignal fresh = AgentSignal.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(60_000_000)).build();
    List<AgentReply> replies = new ArrayList<>(List.of(
        AgentReply.answered("deepseek-agent", fresh),
        AgentReply.missing("qwen-agent", MissingReason.TIMEOUT, "no answer in 200 ms"),
        AgentReply.answered("fingpt-agent", old),
        AgentReply.missing("lagllama-agent", MissingReason.UNAVAILABLE, "not deployed")));

    SignalScreen.Screened screened = new SignalScreen(5_000).screen(replies, 60_000_000);

    assertThat(screened.answers()).extracting(AgentAnswer::agent).containsExactly("deepseek-agent");
    assertThat(screened.missing()).extracting(MissingAgent::agent, MissingAgent::reason).containsExactly(
        tuple("qwen-agent", MissingReason.TIMEOUT),
        tuple("fingpt-agent", MissingReason.STALE),
        tuple("lagllama-agent", MissingReason.UNAVAILABLE));
    assertThat(MissingReason.STALE.label()).isEqualTo("stale");
  }

  @Test
  void aReplyIsASignalOrAMissingAgent() {
    assertThatThrownBy(() -> new AgentReply("x-agent", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignalScreen(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
