package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.consensus.PanelRoster;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.shared.ServiceNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tools that change how the coordinator decides, for operators only: {@code set_weight},
 * {@code promote_shadow}, {@code pause_agent}, {@code resume_agent}. Each takes effect from the
 * next decision and is logged with the caller's identity. Weights are kept across restarts when
 * the weights file is on; promotions and pauses last until restart.
 */
final class OperatorTools {

  /** Same bounds as {@code coordinator.weights.<agent>}. */
  static final double MAX_WEIGHT = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(OperatorTools.class);

  private final PanelControl control;
  private final CoordinatorState state;
  private final String[] agents;

  /** @param agents configured agents' short names, panel and shadow: the values {@code agent} accepts */
  OperatorTools(PanelControl control, CoordinatorState state, List<String> agents) {
    this.control = control;
    this.state = state;
    this.agents = agents.toArray(String[]::new);
  }

  List<McpTool> tools() {
    return List.of(
        McpTool.operator("set_weight")
            .title("Set an agent's base weight")
            .description("Replaces an agent's configured base weight; its learned factor (from fill mark-outs) still "
                + "multiplies it. Applies from the next decision; saved with the learned weights when the weights "
                + "file is on. Setting the configured value back removes the override. Weight 0 silences the agent "
                + "in the fusion while it keeps counting toward the quorum; pause_agent removes it instead.")
            .input(InputSchema.object()
                .required("agent", agent())
                .required("weight", SchemaProperty.number("New base weight, 0 to " + (int) MAX_WEIGHT
                    + " (configured default 1)").range(0, MAX_WEIGHT)))
            .handleJson(call -> Future.succeededFuture(setWeight(call)))
            .build(),
        McpTool.operator("promote_shadow")
            .title("Promote a shadow agent")
            .description("Moves a shadow agent (asked and scored, never published) onto the panel: its signals are "
                + "fused into the published consensus from the next decision, with the weight it earned in the "
                + "shadow. Lasts until restart; list it in coordinator.agents to keep it.")
            .input(InputSchema.object().required("agent", agent()))
            .handleJson(call -> Future.succeededFuture(change(call, "promote", control::promote)))
            .build(),
        McpTool.operator("pause_agent")
            .title("Pause an agent")
            .description("Stops asking an agent from the next decision on. It is listed as missing with reason "
                + "'paused' in every consensus (which is not marked degraded for it) and no longer counts toward "
                + "the quorum. Lasts until resume_agent or restart.")
            .input(InputSchema.object().required("agent", agent()))
            .handleJson(call -> Future.succeededFuture(change(call, "pause",
                agent -> control.pause(agent, "paused by " + call.caller().subject()))))
            .build(),
        McpTool.operator("resume_agent")
            .title("Resume a paused agent")
            .description("Asks a paused agent again from the next decision on.")
            .input(InputSchema.object().required("agent", agent()))
            .handleJson(call -> Future.succeededFuture(change(call, "resume", control::resume)))
            .build());
  }

  private SchemaProperty agent() {
    return SchemaProperty.oneOf("Agent short name", agents);
  }

  private JsonObject setWeight(ToolCall call) {
    String agent = call.string("agent");
    double previous = control.standing(agent).baseWeight();
    Standing now = control.setBaseWeight(agent, call.number("weight", previous));
    LOG.info("operator {} set the base weight of {} from {} to {}", call.caller().subject(), agent, previous,
        now.baseWeight());
    return new JsonObject()
        .put("agent", agent)
        .put("configuredBase", control.configuredBase(agent))
        .put("previousBase", previous)
        .put("base", now.baseWeight())
        .put("overridden", control.overrides().containsKey(agent))
        .put("learnedFactor", now.factor())
        .put("weight", now.weight())
        .put("effective", "from the next decision")
        .put("persisted", control.weightsFile().isPresent())
        .put("by", call.caller().subject());
  }

  private JsonObject change(ToolCall call, String action, Function<String, Boolean> apply) {
    String agent = call.string("agent");
    boolean changed = apply.apply(agent);
    LOG.info("operator {} {}d {}{}", call.caller().subject(), action, agent, changed ? "" : " (no change)");
    return roster(new JsonObject().put("agent", agent).put("action", action).put("changed", changed)
        .put("by", call.caller().subject()));
  }

  /** The roster after a change, with a warning when the quorum can no longer be met. */
  private JsonObject roster(JsonObject answer) {
    PanelRoster.Members members = state.members();
    List<String> active = members.activePanel().stream().map(ServiceNames::agentShortName).toList();
    answer.put("panel", shortNames(members.panel()))
        .put("shadows", shortNames(members.shadows()))
        .put("paused", shortNames(List.copyOf(members.paused().keySet())))
        .put("quorum", new JsonObject().put("minimum", control.quorumMinimum()).put("activePanel", active.size()));
    if (active.size() < control.quorumMinimum()) {
      answer.put("warning", "Only " + active.size() + " panel agent(s) are asked, fewer than the quorum of "
          + control.quorumMinimum() + ": every consensus is FLAT until an agent is resumed or promoted");
    }
    return answer;
  }

  private static JsonArray shortNames(List<String> services) {
    return new JsonArray(services.stream().map(ServiceNames::agentShortName).toList());
  }
}
