package dev.tradingsystem.coordinator.mcp;

/**
 * The agent a tool is routed to could not answer (not deployed, unreachable, failed, late, or
 * without an answer yet). The tool reports the message as a tool error: the caller can read it,
 * but no change of arguments fixes it, so it is neither a rejection nor dead-lettered.
 */
final class RouteFailure extends RuntimeException {

  RouteFailure(String message) {
    super(message, null, false, false);
  }
}
