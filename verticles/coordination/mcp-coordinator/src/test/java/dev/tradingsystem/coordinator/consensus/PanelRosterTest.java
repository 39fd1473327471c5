package dev.tradingsystem.coordinator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanelRosterTest {

  @Test
  void aPromotedShadowJoinsThePanelAtTheEnd() {
    PanelRoster roster = new PanelRoster(List.of("deepseek-agent", "qwen-agent"), List.of("fingpt-agent", "x-agent"));
    PanelRoster.Members before = roster.members();

    assertThat(roster.promote("fingpt-agent")).isTrue();

    assertThat(roster.members().panel()).containsExactly("deepseek-agent", "qwen-agent", "fingpt-agent");
    assertThat(roster.members().shadows()).containsExactly("x-agent");
    assertThat(roster.members().everyone()).containsExactly("deepseek-agent", "qwen-agent", "fingpt-agent", "x-agent");
    assertThat(before.isShadow("fingpt-agent")).as("a decision under way keeps its members").isTrue();
    assertThat(roster.promote("fingpt-agent")).as("already on the panel").isFalse();
  }

  @Test
  void onlyConfiguredAgentsArePromotedAndNoneIsListedTwice() {
    PanelRoster roster = new PanelRoster(List.of("deepseek-agent"), List.of("fingpt-agent"));

    assertThatThrownBy(() -> roster.promote("nobody-agent")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody-agent");
    assertThatThrownBy(() -> new PanelRoster(List.of("a-agent"), List.of("a-agent")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPausedAgentIsNotAskedAndIsMissingWithTheOperatorsWords() {
    PanelRoster roster = new PanelRoster(List.of("deepseek-agent", "qwen-agent"), List.of("fingpt-agent"));

    assertThat(roster.pause("qwen-agent", "paused by alice")).isTrue();
    assertThat(roster.pause("qwen-agent", "again")).as("already paused").isFalse();
    PanelRoster.Members members = roster.members();

    assertThat(members.asked()).containsExactly("deepseek-agent", "fingpt-agent");
    assertThat(members.activePanel()).containsExactly("deepseek-agent");
    List<AgentReply> replies = members.withPaused(List.of(
        AgentReply.missing("fingpt-agent", MissingReason.TIMEOUT, "late"),
        AgentReply.missing("deepseek-agent", MissingReason.ERROR, "boom")));
    assertThat(replies).extracting(AgentReply::agent).containsExactly("deepseek-agent", "qwen-agent", "fingpt-agent");
    assertThat(replies.get(1).missing()).isEqualTo(new MissingAgent("qwen-agent", MissingReason.PAUSED, "paused by alice"));
    assertThat(members.resolve("qwen")).contains("qwen-agent");

    assertThat(roster.resume("qwen-agent")).isTrue();
    assertThat(roster.resume("qwen-agent")).isFalse();
    assertThat(roster.members().asked()).containsExactly("deepseek-agent", "qwen-agent", "fingpt-agent");
    assertThatThrownBy(() -> roster.pause("nobody-agent", "")).hasMessageContaining("nobody-agent");
  }
}
