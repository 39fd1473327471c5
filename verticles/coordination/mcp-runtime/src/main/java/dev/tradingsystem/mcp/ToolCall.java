package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.McpCaller;
import io.vertx.core.json.JsonObject;

/**
 * One validated call of a tool, handed to its handler on the context of the verticle that built the
 * server.
 *
 * @param tool      the tool's name
 * @param arguments the arguments, already valid against the input schema, with declared defaults filled in
 * @param caller    who called (for audit trails of operator tools)
 */
public record ToolCall(String tool, JsonObject arguments, McpCaller caller) {

  /** A required string argument (the schema guarantees its presence). */
  public String string(String name) {
    return arguments.getString(name);
  }

  public String string(String name, String defaultValue) {
    return arguments.getString(name, defaultValue);
  }

  /** An integer argument; JSON numbers arrive as Integer, Long or BigInteger, all read as long. */
  public long integer(String name, long defaultValue) {
    Number n = arguments.getNumber(name);
    return n == null ? defaultValue : n.longValue();
  }

  public double number(String name, double defaultValue) {
    Number n = arguments.getNumber(name);
    return n == null ? defaultValue : n.doubleValue();
  }

  public boolean bool(String name, boolean defaultValue) {
    return arguments.getBoolean(name, defaultValue);
  }
}
