package dev.tradingsystem.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProtobufCodecTest {

  private static final Trade TRADE = Trade.newBuilder()
      .setMeta(Meta.newBuilder().setId("md-1").setSeq(1).setEventTimeUs(1_385_337_600_000_000L).setTraceId("t-1"))
      .setInstrument(Instruments.BITSTAMP_BTC_USD)
      .setPrice(77_010).setSize(1_234_567)
      .build();

  @Test
  void wireFormRoundTripsAfterAnOffset() {
    ProtobufCodec<Trade> codec = new ProtobufCodec<>("trading.v1.Trade", Trade.parser());
    Buffer buffer = Buffer.buffer().appendString("header");
    codec.encodeToWire(buffer, TRADE);

    assertThat(codec.decodeFromWire(6, buffer)).isEqualTo(TRADE);
  }

  @Test
  void corruptBytesFailWithTheMessageName() {
    ProtobufCodec<Trade> codec = new ProtobufCodec<>("trading.v1.Trade", Trade.parser());
    Buffer buffer = Buffer.buffer().appendInt(3).appendBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});

    assertThatThrownBy(() -> codec.decodeFromWire(0, buffer)).hasMessageContaining("trading.v1.Trade");
  }

  @Test
  void localDeliveryHandsOverTheSameInstance(Vertx vertx, VertxTestContext test) {
    ProtobufCodecs.registerAll(vertx);
    ProtobufCodecs.registerAll(vertx);
    vertx.eventBus().<Trade>consumer("test.trades", msg -> test.verify(() -> {
      assertThat(msg.body()).isSameAs(TRADE);
      test.completeNow();
    })).completion().onSuccess(v -> vertx.eventBus().send("test.trades", TRADE));
  }

  @Test
  void everyContractMessageHasACodec() {
    assertThat(ProtobufCodecs.codecs())
        .extracting(codec -> codec.type().getSimpleName())
        .contains("Trade", "FeatureVector", "AgentSignal", "Consensus", "OrderIntent", "RiskDecision",
            "Order", "Execution", "PortfolioState", "RiskAlert", "KillSwitchCommand", "TickDone");
  }
}
