package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreparedCallTest {

  private static PreparedCall call(String canonical) {
    return PreparedCall.of(canonical, new TokenUsage(1, 1), OptionalLong.empty(), Future::succeededFuture);
  }

  @Test
  void aPromptCallTakesContextByReformattingOnly() {
    AtomicInteger renders = new AtomicInteger();
    PreparedCall prepared = PreparedCall.withContextFrom(context -> {
      renders.incrementAndGet();
      return call("event" + context.section());
    });
    PromptContext context = new PromptContext(List.of(new PromptContext.Entry("forecast", "{}", "up")));

    assertThat(prepared.acceptsContext()).isTrue();
    assertThat(prepared.canonicalRequest()).isEqualTo("event");
    assertThat(prepared.withContext(PromptContext.NONE).canonicalRequest()).isEqualTo("event");
    assertThat(prepared.withContext(context).canonicalRequest()).isEqualTo("event" + context.section());
    assertThat(renders).as("once without context, once with").hasValue(2);
  }

  @Test
  void aCallThatIsNoPromptIgnoresContext() {
    PreparedCall series = call("[0.001, -0.002]");
    PromptContext context = new PromptContext(List.of(new PromptContext.Entry("forecast", "{}", "up")));

    assertThat(series.acceptsContext()).isFalse();
    assertThat(series.withContext(context)).isSameAs(series);
  }
}
