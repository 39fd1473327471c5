package dev.tradingsystem.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.msg.Metas;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The record layout: keys by symbol, the three headers, and decoding back. No broker needed. */
class StreamRecordsTest {

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("AgentSignal", KafkaFixtures.signal("s-1", "BTC/USD"), "BTC/USD"),
        Arguments.of("Consensus", KafkaFixtures.consensus("c-1", "ETH/USD"), "ETH/USD"),
        Arguments.of("Execution (instrument.symbol)", KafkaFixtures.execution("x-1"), "BTC/USD"),
        Arguments.of("Order (instrument.symbol)", KafkaFixtures.order("o-1"), "BTC/USD"),
        Arguments.of("Trade (instrument.symbol)", KafkaFixtures.trade("md-1"), "BTC/USD"),
        Arguments.of("RiskAlert with a symbol", KafkaFixtures.alert("a-1", "BTC/USD"), "BTC/USD"),
        Arguments.of("RiskAlert for the whole book", KafkaFixtures.alert("a-2", ""), "a-2"),
        Arguments.of("DeadLetter (no symbol)", DeadLetter.newBuilder().setMeta(Metas.origin("d-1", 0)).build(), "d-1"));
  }

  @ParameterizedTest(name = "{0} is keyed by {2}")
  @MethodSource("keys")
  void recordsAreKeyedBySymbolElseByMessageId(String type, Message message, String key) {
    ProducerRecord<String, byte[]> record = StreamRecords.toRecord("t", message, "svc");
    assertThat(record.key()).isEqualTo(key);
    assertThat(StreamRecords.header(record.headers(), StreamRecords.MESSAGE_ID))
        .isEqualTo(StreamRecords.messageId(message));
    assertThat(StreamRecords.header(record.headers(), StreamRecords.MESSAGE_TYPE))
        .isEqualTo(message.getDescriptorForType().getFullName());
    assertThat(StreamRecords.header(record.headers(), StreamRecords.PRODUCER)).isEqualTo("svc");
    assertThat(record.value()).isEqualTo(message.toByteArray());
  }

  @Test
  void aRecordDecodesBackToTheSameMessageAndAMissingIdHeaderFallsBackToMeta() {
    ProducerRecord<String, byte[]> produced = StreamRecords.toRecord("consensus",
        KafkaFixtures.consensus("c-9", "BTC/USD"), "mcp-coordinator");
    produced.headers().remove(StreamRecords.MESSAGE_ID);
    ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>("consensus", 0, 7, produced.key(), produced.value());
    produced.headers().forEach(h -> consumed.headers().add(h));
    RecordDecoder.Result result = RecordDecoder.decode(consumed);
    assertThat(result.reason()).isNull();
    assertThat(result.record().messageId()).isEqualTo("c-9");
    assertThat(result.record().offset()).isEqualTo(7);
    assertThat(result.record().producer()).isEqualTo("mcp-coordinator");
    assertThat(result.record().message()).isEqualTo(KafkaFixtures.consensus("c-9", "BTC/USD"));
  }

  @Test
  void aMessageWithoutAnyIdCannotBeDeduplicatedAndIsRefused() {
    ProducerRecord<String, byte[]> produced = StreamRecords.toRecord("consensus",
        KafkaFixtures.consensus("", "BTC/USD"), "mcp-coordinator");
    ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>("consensus", 0, 0, produced.key(), produced.value());
    produced.headers().forEach(h -> consumed.headers().add(h));
    assertThat(RecordDecoder.decode(consumed).reason()).isEqualTo(RecordDecoder.MISSING_ID);
  }
}
