package dev.tradingsystem.data.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LockstepBarrierTest {

  @Test
  void opensOnlyWhenEveryParticipantFinishedTheAwaitedTick() {
    LockstepBarrier barrier = new LockstepBarrier(Set.of("freqtrade-hft", "hummingbot-mm"));
    barrier.expect(7);

    assertThat(barrier.done("freqtrade-hft", 7)).isFalse();
    assertThat(barrier.done("freqtrade-hft", 7)).as("a duplicate does not count twice").isFalse();
    assertThat(barrier.waitingFor(7)).isTrue();
    assertThat(barrier.done("hummingbot-mm", 7)).isTrue();
    assertThat(barrier.waitingFor(7)).isFalse();
  }

  @Test
  void ignoresOtherTicksAndStrangers() {
    LockstepBarrier barrier = new LockstepBarrier(Set.of("freqtrade-hft"));
    barrier.expect(8);

    assertThat(barrier.done("freqtrade-hft", 7)).as("late answer to an abandoned tick").isFalse();
    assertThat(barrier.done("freqtrade-hft", 9)).isFalse();
    assertThat(barrier.done("someone-else", 8)).isFalse();
    assertThat(barrier.done("freqtrade-hft", 8)).isTrue();
  }

  @Test
  void abandoningReportsWhoWasMissing() {
    LockstepBarrier barrier = new LockstepBarrier(Set.of("b", "a", "c"));
    barrier.expect(3);
    barrier.done("b", 3);

    assertThat(barrier.abandon()).containsExactly("a", "c");
    assertThat(barrier.waitingFor(3)).isFalse();
    assertThat(barrier.done("a", 3)).isFalse();
  }

  @Test
  void withoutParticipantsTheBarrierIsInactive() {
    assertThat(new LockstepBarrier(Set.of()).active()).isFalse();
  }
}
