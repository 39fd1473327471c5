package dev.tradingsystem.mcp.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON-RPC answers: the SDK's responses, and error objects for what never reached the SDK. */
final class JsonRpcReplies {

  private static final String JSON = "application/json";
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcReplies.class);

  private final McpJsonMapper mapper;

  JsonRpcReplies(McpJsonMapper mapper) {
    this.mapper = mapper;
  }

  /** 200 with the SDK's response (which may itself carry a JSON-RPC error). */
  void response(RoutingContext ctx, McpSchema.JSONRPCResponse response) {
    String json;
    try {
      json = mapper.writeValueAsString(response);
    } catch (IOException e) {
      LOG.warn("Could not serialise the MCP response to request {}: {}", response.id(), e.toString());
      error(ctx, 500, response.id(), ErrorCodes.INTERNAL_ERROR, "Could not serialise the result", null);
      return;
    }
    write(ctx, 200, json);
  }

  /**
   * A request whose handling failed outside the SDK's own error mapping: an {@link McpError} keeps
   * its code; a conversion failure of the params is -32602; anything else -32603. All with HTTP 200,
   * since the JSON-RPC exchange itself worked and clients read the error from the body.
   */
  void failure(RoutingContext ctx, McpSchema.JSONRPCRequest request, Throwable failure) {
    if (failure instanceof McpError mcpError && mcpError.getJsonRpcError() != null) {
      JSONRPCError error = mcpError.getJsonRpcError();
      error(ctx, 200, request.id(), error.code(), error.message(), error.data());
    } else if (failure instanceof IllegalArgumentException) {
      error(ctx, 200, request.id(), ErrorCodes.INVALID_PARAMS,
          "Invalid params for " + request.method() + ": " + failure.getMessage(), null);
    } else {
      LOG.warn("MCP request {} ({}) failed", request.id(), request.method(), failure);
      error(ctx, 200, request.id(), ErrorCodes.INTERNAL_ERROR, "Internal error handling " + request.method(), null);
    }
  }

  /** A JSON-RPC error object; {@code id} null when the request's id is unknown (parse errors). */
  void error(RoutingContext ctx, int status, Object id, int code, String message, Object data) {
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    if (data != null) {
      error.put("data", toVertxJson(data));
    }
    JsonObject body = new JsonObject().put("jsonrpc", McpSchema.JSONRPC_VERSION).putNull("id").put("error", error);
    if (id instanceof String || id instanceof Number) {
      body.put("id", id);
    }
    write(ctx, status, body.encode());
  }

  /** SDK-side values (maps, records) become Vert.x JSON through their JSON text. */
  private Object toVertxJson(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    try {
      return Json.decodeValue(mapper.writeValueAsString(value));
    } catch (IOException | RuntimeException e) {
      return String.valueOf(value);
    }
  }

  private static void write(RoutingContext ctx, int status, String json) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", JSON).end(json);
  }
}
