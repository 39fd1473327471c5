package dev.tradingsystem.mcp.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body up to a limit without a {@code BodyHandler}, so an oversized body is refused
 * by this endpoint (counted, answered 413) rather than by a router-wide failure handler. A body an
 * upstream {@code BodyHandler} already read is taken as is, and measured against the same limit.
 */
final class BoundedBody {

  /** The body outgrew the limit; the rest of it is not read. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("body too large", null, false, false);
    }
  }

  private BoundedBody() {
  }

  /** Must be called synchronously from the route handler, before any asynchronous step. */
  static Future<Buffer> read(RoutingContext ctx, long limit) {
    if (ctx.body().available()) {
      Buffer body = ctx.body().buffer();
      Buffer read = body == null ? Buffer.buffer() : body;
      return read.length() > limit ? Future.failedFuture(new TooLarge()) : Future.succeededFuture(read);
    }
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      // An earlier asynchronous handler let the body go by unread; what is left is nothing.
      return Future.succeededFuture(Buffer.buffer());
    }
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (body.length() + chunk.length() > limit) {
        // Stop buffering; the 413 goes out at once and the connection is closed after it.
        request.handler(null);
        promise.tryFail(new TooLarge());
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> promise.tryComplete(body));
    request.exceptionHandler(promise::tryFail);
    request.resume();
    return promise.future();
  }
}
