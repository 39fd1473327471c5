package dev.tradingsystem.mcp;

/** A remote tool answered with {@code isError: true}; the message is the tool's own text. */
public final class McpToolException extends RuntimeException {

  private final String tool;

  public McpToolException(String tool, String message) {
    super(message, null, false, false);
    this.tool = tool;
  }

  public String tool() {
    return tool;
  }
}
