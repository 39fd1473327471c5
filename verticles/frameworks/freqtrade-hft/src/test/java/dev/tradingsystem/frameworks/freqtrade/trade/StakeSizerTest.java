package dev.tradingsystem.frameworks.freqtrade.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.Instruments;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StakeSizerTest {

  @ParameterizedTest(name = "stake {0} at {1} (lot {2}, min {3}) -> {4} satoshi")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      stake USD | price cents | lot satoshi | min satoshi | quantity satoshi
      1000      | 100000      | 1           | 1           | 100000000
      1000      | 123456      | 1           | 1           | 81000518
      1000      | 123456      | 1000        | 1           | 81000000
      0.5       | 100000      | 1           | 1000000     | 0
      1000      | 0           | 1           | 1           | 0
      """)
  void quantityIsStakeOverPriceRoundedDownToTheLot(String stake, long price, long lot, long min, long quantity) {
    Instrument instrument = Instruments.BITSTAMP_BTC_USD.toBuilder().setLotSize(lot).setMinSize(min).build();

    assertThat(new StakeSizer(new BigDecimal(stake)).quantity(price, instrument)).isEqualTo(quantity);
  }

  @Test
  void aStakeMustBePositive() {
    assertThatThrownBy(() -> new StakeSizer(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
