package dev.tradingsystem.mcp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A tool a service offers over MCP: name, description, input schema, access level and handler.
 *
 * <pre>{@code
 * McpTool.readOnly("get_consensus")
 *     .description("Latest consensus of the agents for a symbol")
 *     .input(InputSchema.object().required("symbol", SchemaProperty.string("e.g. BTC/USD")))
 *     .handleJson(call -> consensusFor(call.string("symbol")))
 *     .build();
 * }</pre>
 */
public final class McpTool {

  /** What the MCP spec recommends for tool names: 1-128 of letters, digits, '_', '-', '.'. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final String name;
  private final String title;
  private final String description;
  private final ToolAccess access;
  private final JsonObject inputSchema;
  private final Map<String, Object> defaults;
  private final JsonObject outputSchema;
  private final ToolHandler handler;

  private McpTool(Builder b) {
    this.name = b.name;
    this.title = b.title;
    this.description = b.description;
    this.access = b.access;
    this.inputSchema = b.inputSchema;
    this.defaults = Map.copyOf(b.defaults);
    this.outputSchema = b.outputSchema;
    this.handler = b.handler;
  }

  /** A tool that only reads: callable by viewers, anonymous ones included when enabled. */
  public static Builder readOnly(String name) {
    return new Builder(name, ToolAccess.READ_ONLY);
  }

  /** A tool that changes state: callable only with a verified operator token. */
  public static Builder operator(String name) {
    return new Builder(name, ToolAccess.OPERATOR);
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  /** The description as listed, with the access requirement spelt out for operator tools. */
  public String description() {
    return access == ToolAccess.OPERATOR ? description + " (requires the operator role)" : description;
  }

  public ToolAccess access() {
    return access;
  }

  public JsonObject inputSchema() {
    return inputSchema.copy();
  }

  /** The optional output schema, or null. */
  public JsonObject outputSchema() {
    return outputSchema == null ? null : outputSchema.copy();
  }

  Map<String, Object> defaults() {
    return defaults;
  }

  ToolHandler handler() {
    return handler;
  }

  /** Builder of a {@link McpTool}; {@link #description}, an input schema and a handler are required. */
  public static final class Builder {

    private final String name;
    private final ToolAccess access;
    private String title;
    private String description;
    private JsonObject inputSchema = InputSchema.object().toJson();
    private Map<String, Object> defaults = Map.of();
    private JsonObject outputSchema;
    private ToolHandler handler;

    private Builder(String name, ToolAccess access) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("tool name must be 1-128 of [A-Za-z0-9_.-]: " + name);
      }
      this.name = name;
      this.access = access;
    }

    /** A human-readable name for clients' UIs. */
    public Builder title(String value) {
      this.title = value;
      return this;
    }

    /** What the tool does and returns, written for the language model that decides to call it. */
    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder input(InputSchema schema) {
      this.inputSchema = schema.toJson();
      this.defaults = schema.defaults();
      return this;
    }

    /** A hand-written JSON Schema of the arguments (no defaults are filled in). */
    public Builder input(JsonObject schema) {
      this.inputSchema = schema.copy();
      this.defaults = Map.of();
      return this;
    }

    /** A JSON Schema the structured result must satisfy; the SDK checks every result against it. */
    public Builder output(JsonObject schema) {
      this.outputSchema = schema.copy();
      return this;
    }

    public Builder handle(ToolHandler value) {
      this.handler = value;
      return this;
    }

    /** A handler answering a JSON object, sent as structured content and as text. */
    public Builder handleJson(Function<ToolCall, Future<JsonObject>> value) {
      Objects.requireNonNull(value, "handler");
      this.handler = call -> value.apply(call).map(ToolResult::json);
      return this;
    }

    /** A handler answering plain text. */
    public Builder handleText(Function<ToolCall, Future<String>> value) {
      Objects.requireNonNull(value, "handler");
      this.handler = call -> value.apply(call).map(ToolResult::text);
      return this;
    }

    public McpTool build() {
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException("tool '" + name + "' needs a description");
      }
      if (handler == null) {
        throw new IllegalArgumentException("tool '" + name + "' needs a handler");
      }
      if (!"object".equals(inputSchema.getString("type"))) {
        throw new IllegalArgumentException("tool '" + name + "': the input schema must be of type object");
      }
      return new McpTool(this);
    }
  }
}
