package dev.tradingsystem.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

class SequenceGateTest {

  @Test
  void waitersAreReleasedInOrderWhenTheWatermarkPassesThem() {
    SequenceGate gate = new SequenceGate();
    Future<Void> five = gate.await(5);
    Future<Void> three = gate.await(3);

    gate.advance(3);
    assertThat(three.succeeded()).isTrue();
    assertThat(five.isComplete()).isFalse();

    gate.advance(2);
    assertThat(gate.watermark()).isEqualTo(3);

    gate.advance(7);
    assertThat(five.succeeded()).isTrue();
    assertThat(gate.await(6).succeeded()).isTrue();
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void releaseAllFreesEveryone() {
    SequenceGate gate = new SequenceGate();
    Future<Void> waiting = gate.await(100);
    gate.releaseAll();
    assertThat(waiting.succeeded()).isTrue();
  }
}
