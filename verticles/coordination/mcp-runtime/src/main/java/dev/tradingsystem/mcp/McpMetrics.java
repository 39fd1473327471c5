package dev.tradingsystem.mcp;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of one MCP server: {@code trading_mcp_tool_calls_total{server,tool,outcome}},
 * {@code trading_mcp_tool_call_seconds{server,tool}} and {@code trading_mcp_rejected_total{source,reason}}
 * (source: the tool, resource URI, or {@code http} for the transport), plus the same numbers as
 * a stats document for the run report. Written from any event loop, hence the concurrent maps.
 */
final class McpMetrics {

  /** Source label of refusals made by the HTTP transport before any tool was involved. */
  static final String TRANSPORT_SOURCE = "http";

  private final String server;
  private final Map<String, Timer> latency = new ConcurrentHashMap<>();
  private final Map<String, Map<String, AtomicLong>> callsByTool = new ConcurrentHashMap<>();
  private final Map<String, Map<String, AtomicLong>> rejectedBySource = new ConcurrentHashMap<>();

  McpMetrics(String server) {
    this.server = server;
  }

  /**
   * One finished tool call.
   *
   * @param outcome {@code ok}, {@code tool_error}, {@code rejected}, {@code invalid_arguments},
   *                {@code forbidden}, {@code timeout} or {@code failed}
   */
  void toolCall(String tool, String outcome, long nanos) {
    latency.computeIfAbsent(tool, t -> TradingMetrics.latency("trading_mcp_tool_call",
        "Time to serve one MCP tool call", "server", server, "tool", t)).record(nanos, TimeUnit.NANOSECONDS);
    TradingMetrics.counter("trading_mcp_tool_calls", "MCP tool calls by outcome",
        "server", server, "tool", tool, "outcome", outcome).increment();
    increment(callsByTool, tool, outcome);
  }

  void rejected(String source, String reason) {
    TradingMetrics.rejected("mcp", source, reason).increment();
    increment(rejectedBySource, source, reason);
  }

  /** {@code {toolCalls: {tool: {outcome: n}}, rejected: {source: {reason: n}}}}. */
  JsonObject stats() {
    return new JsonObject().put("toolCalls", snapshot(callsByTool)).put("rejected", snapshot(rejectedBySource));
  }

  private static void increment(Map<String, Map<String, AtomicLong>> counts, String key, String label) {
    counts.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(label, l -> new AtomicLong()).incrementAndGet();
  }

  private static JsonObject snapshot(Map<String, Map<String, AtomicLong>> counts) {
    JsonObject out = new JsonObject();
    new TreeMap<>(counts).forEach((key, labels) -> {
      JsonObject inner = new JsonObject();
      new TreeMap<>(labels).forEach((label, n) -> inner.put(label, n.get()));
      out.put(key, inner);
    });
    return out;
  }
}
