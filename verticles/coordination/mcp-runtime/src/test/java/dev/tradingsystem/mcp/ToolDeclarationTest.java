package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Declaring tools: the schema builder's JSON, and mistakes caught when the server is built. */
@ExtendWith(VertxExtension.class)
class ToolDeclarationTest {

  private static McpTool.Builder echo(String name) {
    return McpTool.readOnly(name).description("Echo").handleText(call -> Future.succeededFuture("ok"));
  }

  @Test
  void theSchemaBuilderWritesPlainJsonSchema() {
    InputSchema schema = InputSchema.object()
        .required("symbol", SchemaProperty.string("Symbol").pattern("^[A-Z]+/[A-Z]+$"))
        .optional("timeframe", SchemaProperty.oneOf("Bar size", "1m", "5m").defaultValue("1m"))
        .optional("horizon", SchemaProperty.integer("Minutes").range(1, 60));

    assertThat(schema.toJson()).isEqualTo(new JsonObject()
        .put("type", "object")
        .put("properties", new JsonObject()
            .put("symbol", new JsonObject().put("type", "string").put("description", "Symbol")
                .put("pattern", "^[A-Z]+/[A-Z]+$"))
            .put("timeframe", new JsonObject().put("type", "string").put("description", "Bar size")
                .put("enum", new JsonArray().add("1m").add("5m")).put("default", "1m"))
            .put("horizon", new JsonObject().put("type", "integer").put("description", "Minutes")
                .put("minimum", 1).put("maximum", 60)))
        .put("additionalProperties", false)
        .put("required", new JsonArray().add("symbol")));
    assertThat(schema.defaults()).isEqualTo(Map.of("timeframe", "1m"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Validation failed: JSON schema validation errors: [: required property 'symbol' not found] | required property 'symbol' not found
      Validation failed: JSON schema validation errors: [/a: x, : property 'b' is not defined]  | /a: x, property 'b' is not defined
      something else                                                                             | something else
      """)
  void validatorMessagesLoseTheirWrapper(String raw, String described) {
    assertThat(ToolInvoker.describe(raw)).isEqualTo(described);
  }

  @ParameterizedTest(name = "tool name ''{0}'' is refused")
  @CsvSource({"'get consensus'", "''", "'a/b'"})
  void toolNamesFollowTheSpec(String name) {
    assertThatThrownBy(() -> McpTool.readOnly(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aToolNeedsADescriptionAHandlerAndAnObjectSchema() {
    assertThatThrownBy(() -> McpTool.readOnly("a").handleText(c -> Future.succeededFuture("")).build())
        .hasMessageContaining("needs a description");
    assertThatThrownBy(() -> McpTool.readOnly("a").description("A").build())
        .hasMessageContaining("needs a handler");
    assertThatThrownBy(() -> echo("a").input(new JsonObject().put("type", "string")).build())
        .hasMessageContaining("must be of type object");
  }

  @Test
  void duplicateToolsFailTheMount(Vertx vertx, VertxTestContext ctx) {
    TradingMcpServer.builder(vertx, "dup", "1")
        .tool(echo("quote").build())
        .tool(echo("quote").build())
        .mount(Router.router(vertx))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("tool 'quote' declared twice");
          ctx.completeNow();
        })));
  }

  @Test
  void anInvalidJsonSchemaFailsTheMount(Vertx vertx, VertxTestContext ctx) {
    JsonObject broken = new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("n", new JsonObject().put("type", "integer").put("minimum", "one")));
    TradingMcpServer.builder(vertx, "broken", "1")
        .tool(echo("count").input(broken).build())
        .mount(Router.router(vertx))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
          ctx.completeNow();
        })));
  }
}
