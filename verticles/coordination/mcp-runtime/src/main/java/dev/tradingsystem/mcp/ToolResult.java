package dev.tradingsystem.mcp;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What a tool answers: a JSON object (sent as structured content plus the same JSON as text, which
 * older clients and language models read), plain text, or a tool-level error the caller should see.
 */
public final class ToolResult {

  private final JsonObject json;
  private final String text;
  private final boolean error;

  private ToolResult(JsonObject json, String text, boolean error) {
    this.json = json;
    this.text = text;
    this.error = error;
  }

  public static ToolResult json(JsonObject json) {
    return new ToolResult(Objects.requireNonNull(json, "json"), json.encode(), false);
  }

  public static ToolResult text(String text) {
    return new ToolResult(null, Objects.requireNonNull(text, "text"), false);
  }

  /**
   * A failure the tool reports as a result ({@code isError: true}) rather than a protocol error:
   * the MCP spec's channel for errors a model can read and act on.
   */
  public static ToolResult error(String message) {
    return new ToolResult(null, Objects.requireNonNull(message, "message"), true);
  }

  /** The structured content, or null for text and errors. */
  public JsonObject json() {
    return json;
  }

  public String text() {
    return text;
  }

  public boolean isError() {
    return error;
  }
}
