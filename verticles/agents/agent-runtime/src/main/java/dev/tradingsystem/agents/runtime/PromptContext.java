package dev.tradingsystem.agents.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What other services said about an event before a language model is asked about it: the answers
 * of the coordinator's MCP tools the agent is configured to consult ({@code agents.<short>.mcp.context}),
 * in configured order. It becomes the prompt's "context" section, so it is part of the canonical
 * request, and two events with different context are different questions to the response cache.
 *
 * <p>Only the remote path ever carries context: the built-in models answer from the event alone,
 * which keeps ticks fast and replays deterministic.
 *
 * @param entries the tool answers that arrived in time; empty when none did or none is configured
 */
public record PromptContext(List<Entry> entries) {

  /** No context: the prompt as the template renders it. */
  public static final PromptContext NONE = new PromptContext(List.of());

  /**
   * One tool's answer.
   *
   * @param tool      the tool's name, e.g. {@code forecast}
   * @param arguments the arguments it was called with, as compact JSON
   * @param answer    its answer as text (compact JSON for JSON tools), possibly shortened
   */
  public record Entry(String tool, String arguments, String answer) {

    public Entry {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(arguments, "arguments");
      Objects.requireNonNull(answer, "answer");
    }
  }

  public PromptContext {
    entries = List.copyOf(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The section appended to a user message: a heading, then one line per tool,
   * {@code - forecast {"symbol":"BTC/USD"}: {...}}. Empty text for no context, so a prompt
   * without context is byte for byte the prompt of old.
   */
  public String section() {
    if (entries.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("context (answers of the trading system's tools, as of this event):\n");
    for (Entry entry : entries) {
      text.append("- ").append(entry.tool()).append(' ').append(entry.arguments()).append(": ")
          .append(entry.answer().replace('\n', ' ')).append('\n');
    }
    return text.toString();
  }
}
