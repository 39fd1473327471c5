package dev.tradingsystem.frameworks.freqtrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.FrameworkDeployments;
import dev.tradingsystem.frameworks.runtime.testing.RecordingRiskGate;
import dev.tradingsystem.frameworks.runtime.testing.TickPlayer;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service over the event bus on real prices: the first 3000 Bitstamp BTC/USD trades of
 * 2013-11-25 (8 hours, 790-820 USD) replayed tick by tick behind the barrier. The test plays the
 * coordinator (a consensus that follows the EMA trend), an approving risk gate and the portfolio
 * (an order of tick N fills at the price of tick N+1, 10 bps fee). The momentum strategy trades
 * with a 0.3 % ROI, a 0.3 % stoploss and no exit signal, so every trade ends on one of the two.
 */
@ExtendWith(VertxExtension.class)
class BitstampReplayTest {

  private static final Logger LOG = LoggerFactory.getLogger(BitstampReplayTest.class);
  private static final int TICKS = 3_000;
  private static final double FAST = 2.0 / (12 + 1);
  private static final double SLOW = 2.0 / (26 + 1);

  @Test
  @Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
  void tradesOpenOnTheTrendAndCloseOnRoiOrStoploss(Vertx vertx, VertxTestContext ctx) throws IOException {
    List<Consensus> consensus = consensusFrom(SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv"));
    ProtobufCodecs.registerAll(vertx);
    TickPlayer player = new TickPlayer(vertx);
    RecordingRiskGate risk = new RecordingRiskGate(RecordingRiskGate::approve);
    PaperFills paper = new PaperFills("0.001");
    List<Runnable> ticks = new ArrayList<>();
    int[] submitted = {0};
    for (Consensus row : consensus) {
      ticks.add(() -> {
        List<OrderIntent> checked = risk.checked();
        paper.submit(checked.subList(submitted[0], checked.size()));
        submitted[0] = checked.size();
        long seq = row.getMeta().getSeq();
        player.publish(paper.tick(seq, row.getMeta().getEventTimeUs(),
            FixedPoint.toUnits(row.getFeatures().getPrice(), 2)), row);
      });
    }
    player.play(ctx, ticks, () -> ServiceStats.fetch(vertx, ServiceNames.FREQTRADE, 5_000)
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          JsonObject momentum = stats.getJsonObject("strategies").getJsonObject("freqtrade-hft.momentum");
          JsonObject exits = momentum.getJsonObject("exits");
          LOG.info("momentum on {} Bitstamp trades: {}", TICKS, momentum.encode());
          assertThat(player.done()).hasSize(TICKS).extracting(TickDone::getSeq).endsWith((long) TICKS);
          assertThat(exits.getLong("roi", 0L)).as("closed by ROI").isPositive();
          assertThat(exits.getLong("stop_loss", 0L)).as("closed by the stoploss").isPositive();
          assertThat(exits.fieldNames()).containsOnly("roi", "stop_loss");
          assertThat(momentum.getLong("closedTrades")).isEqualTo(exits.getLong("roi") + exits.getLong("stop_loss"));
          List<String> reasons = risk.checked().stream().map(OrderIntent::getReason).toList();
          assertThat(reasons).allMatch(r -> r.equals("entry:consensus_long") || r.equals("exit:roi")
              || r.equals("exit:stop_loss"));
          assertThat(reasons.stream().filter(r -> r.startsWith("entry")).count())
              .isBetween(momentum.getLong("closedTrades"), momentum.getLong("closedTrades") + 1);
          for (int i = 0; i < risk.checked().size(); i++) {
            assertThat(risk.checked().get(i).getIntentId()).isEqualTo("freqtrade-hft.momentum-" + (i + 1));
          }
          assertThat(stats.getLong("errors")).isZero();
          assertThat(stats.getLong("ticks")).isEqualTo(TICKS);
          ctx.completeNow();
        }))));
    DeploymentOptions options = new DeploymentOptions().setConfig(new JsonObject().put("frameworks",
        new JsonObject().put("freqtrade", new JsonObject().put("strategies", new JsonObject().put("momentum",
            new JsonObject().put("minimalRoi", new JsonObject().put("0", 0.003)).put("stoploss", -0.003)
                .put("useExitSignal", false).put("pairs", new JsonArray().add("BTC/USD")))))));
    FrameworkDeployments.behindRiskGate(vertx, risk, new FreqtradeVerticle(), options)
        .onComplete(ctx.succeeding(id -> ticks.get(0).run()));
  }

  /** One consensus per trade: EMA 12/26 of the price, LONG (0.5) while the fast one is above, else SHORT. */
  private static List<Consensus> consensusFrom(Path csv) throws IOException {
    List<Consensus> rows = new ArrayList<>();
    double fast = 0;
    double slow = 0;
    try (Stream<String> lines = Files.lines(csv)) {
      for (String line : lines.skip(1).limit(TICKS).toList()) {
        String[] fields = line.split(",");
        long seq = rows.size() + 1;
        long eventTimeUs = Long.parseLong(fields[0]) * 1_000_000L;
        double price = FixedPoint.toDouble(FixedPoint.toUnits(Double.parseDouble(fields[1]), 2), 2);
        fast = seq == 1 ? price : fast + FAST * (price - fast);
        slow = seq == 1 ? price : slow + SLOW * (price - slow);
        boolean up = fast > slow;
        rows.add(Fixtures.consensus(seq, eventTimeUs, up ? Direction.LONG : Direction.SHORT, up ? 0.5 : -0.5, true,
            Fixtures.features(seq, eventTimeUs, price, fast, slow)));
      }
    }
    return rows;
  }
}
