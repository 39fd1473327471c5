package dev.tradingsystem.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.vertx.core.Context;

/**
 * What tool and resource adapters of one server share.
 *
 * @param owner         context of the verticle that built the server: handlers run there
 * @param toolTimeoutMs deadline of one tool call or resource read
 */
record ServerParts(Context owner, JsonSchemaValidator validator, JsonBridge json, McpMetrics metrics,
    McpDeadLetters deadLetters, long toolTimeoutMs) {
}
