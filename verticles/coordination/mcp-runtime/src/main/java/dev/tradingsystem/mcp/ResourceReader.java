package dev.tradingsystem.mcp;

import dev.tradingsystem.mcp.auth.McpCaller;
import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.mcp.transport.ReactorFutures;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Serves an {@link McpResource} through the SDK: viewers only, the reader on the owning verticle's
 * context under the tool deadline, the document as {@code application/json} text. A failed read is
 * a JSON-RPC error (resources have no {@code isError} channel).
 */
final class ResourceReader {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceReader.class);

  private final McpResource resource;
  private final ServerParts parts;

  ResourceReader(McpResource resource, ServerParts parts) {
    this.resource = resource;
    this.parts = parts;
  }

  AsyncResourceSpecification specification() {
    Resource listed = Resource.builder()
        .uri(resource.uri())
        .name(resource.name())
        .description(resource.description())
        .mimeType(McpResource.MIME_TYPE)
        .build();
    return new AsyncResourceSpecification(listed, this::read);
  }

  private Mono<ReadResourceResult> read(McpTransportContext context, ReadResourceRequest request) {
    McpCaller caller = McpCaller.from(context);
    if (!caller.canView()) {
      parts.metrics().rejected(resource.uri(), "forbidden");
      return Mono.error(McpErrors.forbidden(resource.uri(), "Reading " + resource.uri()
          + " requires the viewer role", McpRole.VIEWER.claim()));
    }
    return ReactorFutures.fromFuture(parts.owner(),
            () -> Deadlines.within(parts.owner(), resource.reader().get(), parts.toolTimeoutMs()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("the reader produced no document")))
        .map(document -> new ReadResourceResult(List.<ResourceContents>of(
            new TextResourceContents(resource.uri(), McpResource.MIME_TYPE, document.encode()))))
        .onErrorMap(failure -> !(failure instanceof McpError), failure -> {
          LOG.warn("MCP resource {} could not be read: {}", resource.uri(), failure.toString());
          String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
          return McpErrors.resourceFailed(resource.uri(), detail);
        });
  }
}
