package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.StrategyAction;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pause_strategy} and {@code resume_strategy}, for operators: a {@link StrategyCommand} on
 * {@code strategies.control}, which every framework hosting the strategy obeys (a paused strategy
 * opens nothing new and keeps managing its open trades; an id no framework hosts is
 * dead-lettered by the framework that owns its prefix). Published, so it reaches every replica.
 */
final class StrategyTools {

  /** {@code <framework service>.<strategy name>}, e.g. {@code freqtrade-hft.momentum}. */
  static final String STRATEGY_ID = "^[a-z][a-z0-9-]*\\.[A-Za-z0-9_.-]+$";
  private static final Logger LOG = LoggerFactory.getLogger(StrategyTools.class);

  private final Vertx vertx;

  StrategyTools(Vertx vertx) {
    this.vertx = vertx;
  }

  List<McpTool> tools() {
    return List.of(tool("pause_strategy", StrategyAction.PAUSE, "Pause a strategy",
            "Stops a strategy opening new trades in whichever framework hosts it; its open trades keep their "
                + "exits (stoploss, ROI, trailing). Lasts until resume_strategy or the framework's restart."),
        tool("resume_strategy", StrategyAction.RESUME, "Resume a paused strategy",
            "Lets a paused strategy open trades again from its next decision."));
  }

  private McpTool tool(String name, StrategyAction action, String title, String description) {
    return McpTool.operator(name)
        .title(title)
        .description(description)
        .input(InputSchema.object()
            .required("strategy", SchemaProperty.string("Strategy id, <framework>.<strategy>, e.g. freqtrade-hft.momentum")
                .pattern(STRATEGY_ID))
            .optional("reason", SchemaProperty.string("Why, for the audit log").defaultValue("")))
        .handleJson(call -> Future.succeededFuture(send(call, action)))
        .build();
  }

  private JsonObject send(ToolCall call, StrategyAction action) {
    String strategy = call.string("strategy");
    String operator = call.caller().subject();
    StrategyCommand command = StrategyCommand.newBuilder()
        .setMeta(Meta.newBuilder().setId("sc-" + UUID.randomUUID()).setEventTimeUs(System.currentTimeMillis() * 1_000))
        .setStrategyId(strategy)
        .setAction(action)
        .setOperatorId(operator)
        .setReason(call.string("reason", ""))
        .build();
    vertx.eventBus().publish(Addresses.STRATEGY_CONTROL, command);
    LOG.info("operator {} sent {} for strategy {}", operator, action, strategy);
    return new JsonObject()
        .put("strategy", strategy)
        .put("action", action.name().toLowerCase(Locale.ROOT))
        .put("commandId", command.getMeta().getId())
        .put("sentTo", Addresses.STRATEGY_CONTROL)
        .put("by", operator);
  }
}
