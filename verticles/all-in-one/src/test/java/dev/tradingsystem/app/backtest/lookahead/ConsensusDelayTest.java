package dev.tradingsystem.app.backtest.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;

/** The delay line: consensus N of a symbol carries N-1's information under N's header. */
class ConsensusDelayTest {

  private final ConsensusDelay delay = new ConsensusDelay();

  @Test
  void eachConsensusCarriesThePreviousEventsInformationUnderItsOwnHeader() {
    Consensus first = consensus(1, 100.0, 0.1);
    Consensus second = consensus(2, 101.0, 0.2);
    Consensus third = consensus(3, 102.0, 0.3);

    assertThat(delay.delay(first)).as("nothing earlier to show").isEqualTo(first);
    Consensus seenAtTwo = delay.delay(second);
    Consensus seenAtThree = delay.delay(third);

    assertThat(seenAtTwo.getMeta()).isEqualTo(second.getMeta());
    assertThat(seenAtTwo.getFeatures()).isEqualTo(first.getFeatures());
    assertThat(seenAtTwo.getScore()).isEqualTo(first.getScore());
    assertThat(seenAtThree.getMeta().getSeq()).isEqualTo(3);
    assertThat(seenAtThree.getFeatures().getPrice()).isEqualTo(101.0);
    assertThat(delay.delayed()).isEqualTo(2);
    assertThat(delay.passed()).isEqualTo(1);
  }

  @Test
  void symbolsAreDelayedEachOnTheirOwnTape() {
    Consensus btc = consensus(1, 100.0, 0.1);
    Consensus other = consensus(2, 5.0, 0.5).toBuilder().setSymbol("ETH/USD")
        .setFeatures(consensus(2, 5.0, 0.5).getFeatures().toBuilder()
            .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol("ETH/USD"))).build();
    Consensus btcAgain = consensus(3, 101.0, 0.2);

    delay.delay(btc);
    assertThat(delay.delay(other)).as("first ETH/USD event").isEqualTo(other);
    assertThat(delay.delay(btcAgain).getFeatures().getPrice()).isEqualTo(100.0);
  }

  private static Consensus consensus(long seq, double price, double score) {
    Meta meta = Meta.newBuilder().setId("md-" + seq).setSeq(seq).setEventTimeUs(seq * 1_000_000).build();
    return Consensus.newBuilder().setMeta(meta).setSymbol("BTC/USD").setScore(score)
        .setFeatures(FeatureVector.newBuilder().setMeta(meta).setInstrument(Instruments.BITSTAMP_BTC_USD)
            .setPrice(price))
        .build();
  }
}
