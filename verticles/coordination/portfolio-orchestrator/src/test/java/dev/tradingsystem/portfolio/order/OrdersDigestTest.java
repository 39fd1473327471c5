package dev.tradingsystem.portfolio.order;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OrdersDigestTest {

  private static OrderTicket ticket(String intentId, long seq) {
    return new OrderTicket("o-" + intentId, intentId, "s", BTC_USD, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
        100_000, 50_000_000, seq);
  }

  @Test
  void isTheSha256OfTheSortedCanonicalLines() throws Exception {
    OrdersDigest digest = new OrdersDigest();
    digest.record(ticket("b-1", 2));
    digest.record(ticket("a-1", 2));
    digest.seal(3);
    digest.record(ticket("c-1", 3));

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((
        "2|a-1|s|BUY|LIMIT|100000|50000000\n"
            + "2|b-1|s|BUY|LIMIT|100000|50000000\n"
            + "3|c-1|s|BUY|LIMIT|100000|50000000\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(digest.hex()).isEqualTo(expected);
    assertThat(digest.count()).isEqualTo(3);
  }

  @Test
  void doesNotDependOnArrivalOrderWithinASeq() {
    OrdersDigest one = new OrdersDigest();
    one.record(ticket("a-1", 1));
    one.record(ticket("b-1", 1));
    OrdersDigest other = new OrdersDigest();
    other.record(ticket("b-1", 1));
    other.record(ticket("a-1", 1));

    assertThat(one.hex()).isEqualTo(other.hex());
    one.seal(2);
    assertThat(one.hex()).isEqualTo(other.hex());
  }

  @Test
  void refusesAnOrderBelowASealedSeq() {
    OrdersDigest digest = new OrdersDigest();
    digest.seal(5);

    assertThatThrownBy(() -> digest.record(ticket("a-1", 4))).isInstanceOf(IllegalArgumentException.class);
  }
}
