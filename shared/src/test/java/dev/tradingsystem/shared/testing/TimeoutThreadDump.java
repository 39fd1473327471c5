package dev.tradingsystem.shared.testing;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints every thread's stack when a test (or its set-up) times out, then rethrows: a
 * {@code VertxTestContext} timeout alone says only that nothing answered, and a stall seen once
 * on a CI machine cannot be debugged from that. Registered for every module through the JUnit
 * extension autodetection the root pom turns on.
 */
public final class TimeoutThreadDump implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    dumpOnTimeout(context, throwable);
    throw throwable;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    dumpOnTimeout(context, throwable);
    throw throwable;
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    dumpOnTimeout(context, throwable);
    throw throwable;
  }

  private static void dumpOnTimeout(ExtensionContext context, Throwable throwable) {
    if (!isTimeout(throwable)) {
      return;
    }
    StringBuilder dump = new StringBuilder("\n=== threads when ").append(context.getDisplayName())
        .append(" in ").append(context.getRequiredTestClass().getName()).append(" timed out ===\n");
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      Thread thread = entry.getKey();
      dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
      for (StackTraceElement frame : entry.getValue()) {
        dump.append("    at ").append(frame).append('\n');
      }
    }
    System.err.println(dump);
  }

  private static boolean isTimeout(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
