package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Submit and cancel latency in event time, as a trader reads it. "t" is the event time at which
 * the order or cancel was sent; a print at t + n us is the next market event.
 */
class LatencyTest {

  private static VenueScript venue(long submitUs, long cancelUs) {
    return new VenueScript(PaperExchangeConfig.defaults().withLatency(submitUs, cancelUs));
  }

  @ParameterizedTest(name = "{0}: submit latency {1} us, sell print at t+{2} us -> fills {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # data          | submit latency us | print at t+ us | fills
      trades only     | 1000              | 999            | false
      trades only     | 1000              | 1000           | true
      trades only     | 0                 | 0              | true
      L2 book         | 1000              | 999            | false
      L2 book         | 1000              | 1000           | true
      L2 book         | 0                 | 0              | true
      """)
  void anOrderCannotFillBeforeItReachesTheVenue(String data, long latencyUs, long printAfterUs, boolean fills) {
    VenueScript venue = venue(latencyUs, 0);
    if (data.equals("L2 book")) {
      venue.book("99.99x1", "100.01x1");
    }
    // Without a book the bid fills when traded through; with one it is first in line at 100.00.
    venue.bid("b", "100.00", "1");

    venue.after(printAfterUs).print(Side.SELL, data.equals("L2 book") ? "100.00" : "99.99", "1");

    assertThat(VenueScript.filled(venue.events, "b") > 0).isEqualTo(fills);
  }

  @ParameterizedTest(name = "cancel latency {0} us, sell print at t+{1} us -> fills {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # cancel latency us | print at t+ us | fills
      500                 | 499            | true
      500                 | 500            | false
      0                   | 0              | false
      """)
  void aCancelTakesEffectOnlyAfterItsLatency(long latencyUs, long printAfterUs, boolean fills) {
    VenueScript venue = venue(0, latencyUs);
    venue.book("99.99x1", "100.01x1");
    venue.bid("b", "100.00", "1");
    venue.flush();

    CancelAck ack = venue.cancel("b");
    venue.after(printAfterUs).print(Side.SELL, "100.00", "1");

    assertThat(ack.status()).isEqualTo(latencyUs == 0 ? CancelAck.Status.CANCELLED : CancelAck.Status.PENDING);
    assertThat(VenueScript.filled(venue.events, "b") > 0).as("filled").isEqualTo(fills);
    assertThat(venue.events.stream().anyMatch(ExchangeEvent.Cancelled.class::isInstance))
        .as("cancel landed as an event").isEqualTo(latencyUs > 0 && !fills);
    assertThat(venue.exchange.workingOrders()).isEmpty();
  }

  @Test
  void theQueueIsMeasuredWhenTheOrderArrivesNotWhenItIsSent() {
    VenueScript venue = venue(1_000, 0);
    venue.book("100.00x5", "100.01x1");
    venue.bid("b", "100.00", "1");

    venue.after(500).level(Side.BUY, "100.00", "8");
    venue.after(500).flush();

    assertThat(venue.order("b").queueAheadOnArrival()).isEqualTo(qty("8"));
  }

  @Test
  void aMarketOrderMeetsTheBookAsItStandsWhenItArrives() {
    VenueScript venue = venue(1_000, 0);
    venue.book("99.99x1", "100.00x1 100.05x1");
    venue.place("m", Side.BUY, OrderType.MARKET, TimeInForce.GTC, null, "1");

    venue.after(500).update("-", "100.00x0 100.02x1");
    List<ExchangeEvent> onArrival = venue.after(500).flush();

    assertThat(VenueScript.fills(onArrival, "m")).singleElement()
        .satisfies(fill -> assertThat(fill.price()).isEqualTo(px("100.02")));
  }

  @Test
  void anOrderCancelledWhileInFlightNeverReachesTheVenue() {
    VenueScript venue = venue(1_000, 200);
    venue.book("99.99x1", "100.01x1");
    venue.bid("b", "100.00", "1");
    venue.cancel("b");

    venue.after(1_000).print(Side.SELL, "100.00", "1");

    assertThat(VenueScript.filled(venue.events, "b")).isZero();
    assertThat(venue.events).singleElement().isInstanceOf(ExchangeEvent.Cancelled.class);
  }
}
