package dev.tradingsystem.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end in one JVM on the bundled real Bitstamp trades: orders and fills come
 * out of the whole pipeline, and replaying the same data twice gives the same order stream.
 */
class CoLocatedPipelineSystemIT {

  static final long TICKS = 20_000;

  static JsonObject replay(long ticks) throws Exception {
    LaunchOptions options = new LaunchOptions(null, List.of("replay.maxTicks=" + ticks), false,
        "127.0.0.1", 0, 0, ClusterOptions.local());
    List<ReplayProgress> progress = new ArrayList<>();
    CoLocatedRun.Result result = CoLocatedRun.start(options, progress::add)
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    try {
      assertThat(progress).isNotEmpty();
      assertThat(progress.get(progress.size() - 1).getCompleted()).isTrue();
      return result.report().toJson();
    } finally {
      result.process().close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void realDataFlowsThroughEveryStageAndReplaysIdentically() throws Exception {
    JsonObject first = replay(TICKS);
    JsonObject second = replay(TICKS);

    assertThat(first.getLong("ticks")).isEqualTo(TICKS);
    assertThat(first.getLong("barrierTimeouts")).isZero();
    assertThat(first.getLong("decisions")).isEqualTo(TICKS);
    assertThat(first.getJsonObject("signalsByAgent").getMap()).containsKeys("deepseek", "qwen", "lagllama");
    assertThat(first.getLong("orders")).isPositive();
    assertThat(first.getLong("fills")).isPositive();
    assertThat(first.getDouble("fees")).isPositive();
    assertThat(first.getJsonObject("latency").getLong("count")).isEqualTo(first.getLong("orders"));
    assertThat(first.getJsonObject("latency").getLong("p50")).isPositive();
    assertThat(first.getString("ordersDigest")).hasSize(64);

    // Determinism: the injected clock and the replay barrier make a second run identical.
    for (String key : List.of("orders", "fills", "cancels", "fees", "realizedPnl", "unrealizedPnl",
        "maxDrawdown", "ordersDigest", "signalsByAgent", "rejected")) {
      assertThat(second.getValue(key)).as(key).isEqualTo(first.getValue(key));
    }
  }
}
