package dev.tradingsystem.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeWindowTest {

  @Test
  void anIdIsFirstSeenOnceThenADuplicate() {
    DedupeWindow window = new DedupeWindow(3);
    assertThat(window.firstSighting("md-1")).isTrue();
    assertThat(window.firstSighting("md-1")).isFalse();
    assertThat(window.firstSighting("md-2")).isTrue();
  }

  @Test
  void theWindowForgetsTheLeastRecentlySeenIdBeyondItsCapacity() {
    DedupeWindow window = new DedupeWindow(2);
    window.firstSighting("a");
    window.firstSighting("b");
    // A redelivery of "a" refreshes it, so "b" is now the oldest.
    assertThat(window.firstSighting("a")).isFalse();
    window.firstSighting("c");
    assertThat(window.size()).isEqualTo(2);
    assertThat(window.firstSighting("a")).isFalse();
    assertThat(window.firstSighting("b")).isTrue();
  }

  @Test
  void idsFromAJournalCountAsSeen() {
    DedupeWindow window = new DedupeWindow(10);
    window.remember(List.of("o-1", "o-2"));
    assertThat(window.firstSighting("o-2")).isFalse();
    assertThat(window.firstSighting("o-3")).isTrue();
  }

  @Test
  void aWindowHoldsAtLeastOneId() {
    assertThatThrownBy(() -> new DedupeWindow(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
