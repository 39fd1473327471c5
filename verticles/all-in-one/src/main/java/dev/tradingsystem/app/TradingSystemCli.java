package dev.tradingsystem.app;

import dev.tradingsystem.app.backtest.BacktestCommand;
import dev.tradingsystem.app.evaluate.EvaluateCommand;
import dev.tradingsystem.app.hyperopt.HyperoptCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/trading-system}: one entry point for the co-located main job, for running any
 * service (or group of services) as its own clustered process, for backtesting the strategies on
 * the same pipeline and searching their parameters there (hyperopt), and for evaluating the
 * agents' built-in models on real data.
 */
@Command(name = "trading-system",
    mixinStandardHelpOptions = true,
    version = "trading-system 0.1.0",
    description = "Multi-agent trading system on Vert.x: paper trading on replayed real market data.",
    subcommands = {RunCommand.class, BacktestCommand.class, HyperoptCommand.class, ServiceCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class TradingSystemCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int exit = new CommandLine(new TradingSystemCli()).execute(args);
    if (exit != 0 || !ServiceCommand.keepsRunning()) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
