package dev.kiln.cli;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.lifecycle.RetrainPolicy;
import dev.kiln.lifecycle.modeltest.ModelTestReport;
import dev.kiln.lifecycle.modeltest.ModelTestRunner;
import dev.kiln.lifecycle.modeltest.ModelTestSuite;
import dev.kiln.lifecycle.modeltest.ProjectModelTests;
import dev.kiln.ml.RunEnvironment;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.tracking.ProjectTracking;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln test [MODEL]}: the project's model tests against a bundle. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run the model tests of conf/base/model_tests.yml (golden examples, slice"
        + " metrics, directional and invariance checks) against a model, print a table and"
        + " record the results as a tracked run. Exit 4 when a test fails.")
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "MODEL", arity = "0..1", description = "Bundle folder or zip, or a"
      + " registered model (NAME@alias, NAME:version, NAME); default: the bundle the project's"
      + " pipeline writes (retrain.bundle of kiln.yml, else model_bundle).")
  String model;

  @Option(names = "--no-record", description = "Do not record the results as a tracked run.")
  boolean noRecord;

  @Override
  public Integer call() throws Exception {
    Project opened = project.open();
    PrintWriter out = spec.commandLine().getOut();
    Optional<ModelTestSuite> suite = ProjectModelTests.suite(opened);
    if (suite.isEmpty()) {
      out.println("No model tests declared (conf/base/" + ProjectModelTests.FILE + "); nothing"
          + " to check.");
      return 0;
    }
    ModelReferences.Loaded loaded = project.loadModel(model != null ? model
        : bundlePath(opened), LoadOptions.fromEnvironment());
    ModelTestReport report = new ModelTestRunner(loaded.bundle(),
        ProjectModelTests.data(opened)).run(suite.get(), loaded.version());
    out.printf("Model tests of %s version %s%n%n", report.model(), report.version());
    out.print(report.table());
    out.printf("%n%s%n", report.summary());
    if (!noRecord) {
      try (ProjectTracking tracking = ProjectTracking.open(opened)) {
        out.printf("Tracked as run %s%n", ProjectModelTests.record(tracking.store(), opened, report,
            RunEnvironment.tags(opened.dir())));
      }
    }
    return report.passed() ? 0 : Main.CHECK_FAILED;
  }

  private static String bundlePath(Project opened) {
    String dataset = opened.config().setting("retrain.bundle").orElse(RetrainPolicy.DEFAULT_BUNDLE);
    return opened.catalog(DataCatalog.CatalogSettings.defaults(opened.dir())).filepath(dataset)
        .orElseThrow(() -> new dev.kiln.core.KilnException("The catalog has no dataset '"
            + dataset + "' with a filepath, so there is no bundle to test.", "name the model:"
            + " kiln test NAME@champion, or a bundle folder"))
        .toString();
  }
}
