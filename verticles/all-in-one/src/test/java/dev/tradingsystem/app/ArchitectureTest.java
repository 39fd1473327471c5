package dev.tradingsystem.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md §5a, enforced on the compiled code of every module. */
@AnalyzeClasses(packages = "dev.tradingsystem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] SERVICES = {
      "dev.tradingsystem.data..", "dev.tradingsystem.agents..", "dev.tradingsystem.coordinator..",
      "dev.tradingsystem.risk..", "dev.tradingsystem.portfolio..", "dev.tradingsystem.frameworks..",
      "dev.tradingsystem.gateway.."};

  @ArchTest
  static final ArchRule protosDependOnNothingOfOurs = noClasses()
      .that().resideInAPackage("dev.tradingsystem.proto..")
      .should().dependOnClassesThat().resideInAnyPackage(concat("dev.tradingsystem.shared..", "dev.tradingsystem.app.."));

  @ArchTest
  static final ArchRule sharedKnowsNoService = noClasses()
      .that().resideInAPackage("dev.tradingsystem.shared..")
      .should().dependOnClassesThat().resideInAnyPackage(concat("dev.tradingsystem.app.."));

  /** Services meet only through contracts; a group's runtime library is not a service. */
  @ArchTest
  static final ArchRule servicesMeetOnlyThroughContracts = slices()
      .matching("dev.tradingsystem.(data|coordinator|risk|portfolio|gateway|frameworks.*|agents.*)..")
      .should().notDependOnEachOther()
      .ignoreDependency(inPackage("dev.tradingsystem.agents."), inPackage("dev.tradingsystem.agents.runtime"))
      .ignoreDependency(inPackage("dev.tradingsystem.frameworks."), inPackage("dev.tradingsystem.frameworks.runtime"));

  /** Indicators, models, strategies, risk rules, allocation and matching are plain Java. */
  @ArchTest
  static final ArchRule domainClassesImportNoVertx = noClasses()
      .that().resideInAnyPackage(
          "dev.tradingsystem.data.source..", "dev.tradingsystem.data.features..", "dev.tradingsystem.data.replay..",
          "dev.tradingsystem.coordinator.consensus..", "dev.tradingsystem.coordinator.state..",
          "dev.tradingsystem.risk.rules..", "dev.tradingsystem.risk.book..", "dev.tradingsystem.risk.killswitch..",
          "dev.tradingsystem.risk.monitor..", "dev.tradingsystem.portfolio.attribution..",
          "dev.tradingsystem.portfolio.exchange..", "dev.tradingsystem.portfolio.book..",
          "dev.tradingsystem.portfolio.allocation..", "dev.tradingsystem.portfolio.order..",
          "dev.tradingsystem.portfolio.market..",
          "dev.tradingsystem.frameworks.freqtrade.strategy..", "dev.tradingsystem.frameworks.freqtrade.trade..",
          "dev.tradingsystem.frameworks.hummingbot.quoting..",
          "dev.tradingsystem.app.backtest.performance..")
      .or().implement(dev.tradingsystem.agents.runtime.AgentModel.class)
      .should().dependOnClassesThat().resideInAPackage("io.vertx..");

  /** The evaluation's metrics and scorers too; only the command, the report and its text handle JSON. */
  @ArchTest
  static final ArchRule evaluationMathImportsNoVertx = noClasses()
      .that().resideInAPackage("dev.tradingsystem.app.evaluate..")
      .and().doNotHaveSimpleName("EvaluateCommand")
      .and().doNotHaveSimpleName("EvaluationReport")
      .and().doNotHaveSimpleName("EvaluationText")
      .should().dependOnClassesThat().resideInAPackage("io.vertx..");

  /** Hyperopt's sampler, losses and spaces too; only the command, its report and the pipeline trial touch Vert.x. */
  @ArchTest
  static final ArchRule hyperoptSearchImportsNoVertx = noClasses()
      .that().resideInAPackage("dev.tradingsystem.app.hyperopt..")
      .and().doNotHaveSimpleName("HyperoptCommand")
      .and().doNotHaveSimpleName("HyperoptReport")
      .and().doNotHaveSimpleName("PipelineObjective")
      .should().dependOnClassesThat().resideInAPackage("io.vertx..");

  @ArchTest
  static final ArchRule noServiceKnowsHowItIsDeployed = noClasses()
      .that().resideInAnyPackage(SERVICES)
      .should().dependOnClassesThat().resideInAPackage("dev.tradingsystem.app..");

  @ArchTest
  static final ArchRule agentsAdviseAndNeverTrade = noClasses()
      .that().resideInAPackage("dev.tradingsystem.agents..")
      .should().dependOnClassesThat().haveSimpleNameStartingWith("RiskService")
      .orShould().dependOnClassesThat().haveSimpleNameStartingWith("PortfolioService")
      .orShould().dependOnClassesThat().haveSimpleName("OrderIntent");

  @ArchTest
  static final ArchRule frameworksReachThePortfolioOnlyThroughTheRiskGate = noClasses()
      .that().resideInAPackage("dev.tradingsystem.frameworks..")
      .should().dependOnClassesThat().haveSimpleNameStartingWith("PortfolioService")
      .orShould().dependOnClassesThat().haveSimpleName("ApprovedOrder")
      .orShould().dependOnClassesThat().haveSimpleName("Approval");

  @ArchTest
  static final ArchRule theRiskGateDoesNotKnowWhichFrameworkAsks = noClasses()
      .that().resideInAPackage("dev.tradingsystem.risk..")
      .should().dependOnClassesThat().resideInAPackage("dev.tradingsystem.frameworks..");

  private static DescribedPredicate<JavaClass> inPackage(String prefix) {
    return DescribedPredicate.describe("in " + prefix, c -> c.getPackageName().startsWith(prefix));
  }

  private static String[] concat(String... extra) {
    String[] all = new String[SERVICES.length + extra.length];
    System.arraycopy(SERVICES, 0, all, 0, SERVICES.length);
    System.arraycopy(extra, 0, all, SERVICES.length, extra.length);
    return all;
  }
}
