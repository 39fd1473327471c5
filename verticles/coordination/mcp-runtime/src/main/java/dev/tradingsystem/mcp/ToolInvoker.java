package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.McpCaller;
import dev.tradingsystem.mcp.transport.ReactorFutures;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns a {@link McpTool} into the SDK's tool specification and serves its calls: role check,
 * argument validation against the input schema, the handler on the owning verticle's context under
 * a deadline, and one metrics record per call.
 *
 * <p>Error channels, following the MCP spec (2025-11-25, "Error Handling" of Tools): invalid
 * arguments and inputs the service rejects are <em>tool execution errors</em> (a result with
 * {@code isError: true} and a message), because a model can read them and retry with corrected
 * arguments. A missing role is a <em>protocol error</em> ({@link McpErrors#FORBIDDEN}): no retry
 * of the same call can fix it, and clients surface it as an error rather than as tool output.
 */
final class ToolInvoker {

  private static final String SCHEMA_ERRORS_PREFIX = "Validation failed: JSON schema validation errors: [";
  private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

  private final McpTool tool;
  private final Map<String, Object> inputSchema;
  private final ServerParts parts;

  ToolInvoker(McpTool tool, ServerParts parts) {
    this.tool = tool;
    this.parts = parts;
    this.inputSchema = parts.json().toSdk(tool.inputSchema());
    parts.validator().assertConforms("Tool '" + tool.name() + "' inputSchema", inputSchema);
  }

  AsyncToolSpecification specification() {
    boolean readOnly = tool.access() == ToolAccess.READ_ONLY;
    Tool.Builder sdkTool = Tool.builder()
        .name(tool.name())
        .title(tool.title())
        .description(tool.description())
        .inputSchema(inputSchema)
        // Hints for clients deciding whether to ask the user first; reads are safe to repeat.
        .annotations(new ToolAnnotations(tool.title(), readOnly, readOnly ? false : null,
            readOnly ? true : null, false, null));
    if (tool.outputSchema() != null) {
      sdkTool.outputSchema(parts.json().toSdk(tool.outputSchema()));
    }
    return new AsyncToolSpecification(sdkTool.build(), this::call);
  }

  private Mono<CallToolResult> call(McpTransportContext context, CallToolRequest request) {
    long started = System.nanoTime();
    McpCaller caller = McpCaller.from(context);
    if (!caller.has(tool.access().requiredRole())) {
      finish("forbidden", started);
      parts.metrics().rejected(tool.name(), "forbidden");
      return Mono.error(McpErrors.forbidden(tool.name(), forbiddenMessage(caller),
          tool.access().requiredRole().claim()));
    }
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    JsonSchemaValidator.ValidationResponse validation = parts.validator().validate(inputSchema, arguments);
    if (!validation.valid()) {
      String message = "Invalid arguments for tool '" + tool.name() + "': "
          + describe(validation.errorMessage());
      finish("invalid_arguments", started);
      refuse("invalid_arguments", message, arguments);
      return Mono.just(errorResult(message));
    }
    JsonObject args = parts.json().toVertx(arguments);
    tool.defaults().forEach((name, value) -> {
      if (!args.containsKey(name)) {
        args.put(name, value);
      }
    });
    ToolCall call = new ToolCall(tool.name(), args, caller);
    return ReactorFutures.fromFuture(parts.owner(),
            () -> Deadlines.within(parts.owner(), tool.handler().call(call), parts.toolTimeoutMs()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("the handler answered nothing")))
        .map(result -> {
          finish(result.isError() ? "tool_error" : "ok", started);
          return toSdk(result);
        })
        .onErrorResume(failure -> Mono.just(failed(failure, args, started)));
  }

  private CallToolResult failed(Throwable failure, JsonObject args, long started) {
    if (failure instanceof ToolRejection rejection) {
      finish("rejected", started);
      refuse(rejection.reason(), rejection.getMessage(), args.getMap());
      return errorResult(rejection.getMessage());
    }
    if (failure instanceof Deadlines.Expired) {
      finish("timeout", started);
      return errorResult("Tool '" + tool.name() + "' did not answer within " + parts.toolTimeoutMs() + " ms");
    }
    finish("failed", started);
    LOG.warn("MCP tool {} failed", tool.name(), failure);
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return errorResult("Tool '" + tool.name() + "' failed: " + detail);
  }

  private CallToolResult toSdk(ToolResult result) {
    CallToolResult.Builder builder = CallToolResult.builder()
        .content(List.of(new TextContent(result.text())))
        .isError(result.isError());
    if (result.json() != null) {
      builder.structuredContent(parts.json().toSdk(result.json()));
    }
    return builder.build();
  }

  private static CallToolResult errorResult(String message) {
    return CallToolResult.builder().content(List.of(new TextContent(message))).isError(true).build();
  }

  private void refuse(String reason, String message, Map<String, Object> arguments) {
    parts.metrics().rejected(tool.name(), reason);
    parts.deadLetters().publish(reason, message, tool.name() + " " + new JsonObject(arguments).encode());
  }

  private void finish(String outcome, long started) {
    parts.metrics().toolCall(tool.name(), outcome, System.nanoTime() - started);
  }

  private String forbiddenMessage(McpCaller caller) {
    String needed = "Tool '" + tool.name() + "' requires the " + tool.access().requiredRole().claim() + " role";
    if (!caller.authenticated()) {
      return needed + ": send 'Authorization: Bearer <token>' with a token whose roles claim includes '"
          + tool.access().requiredRole().claim() + "'";
    }
    return needed + "; caller '" + caller.subject() + "' holds " + caller.roles().stream()
        .map(role -> role.claim()).sorted().toList();
  }

  /** The validator's message without its wrapper; root-level problems lose their empty path. */
  static String describe(String raw) {
    String message = raw == null ? "invalid" : raw;
    if (message.startsWith(SCHEMA_ERRORS_PREFIX) && message.endsWith("]")) {
      message = message.substring(SCHEMA_ERRORS_PREFIX.length(), message.length() - 1);
    }
    return message.replaceAll("(^|, ): ", "$1");
  }
}
