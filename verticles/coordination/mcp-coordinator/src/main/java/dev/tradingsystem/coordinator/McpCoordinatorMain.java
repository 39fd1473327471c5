package dev.tradingsystem.coordinator;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the mcp-coordinator on its own: {@code java -jar mcp-coordinator-fat.jar [options]}. */
public final class McpCoordinatorMain {

  private McpCoordinatorMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.MCP_COORDINATOR, McpCoordinatorVerticle::new);
  }
}
