package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.tracking.remote.RemoteTracking;
import dev.kiln.tracking.rest.ServerOptions;
import dev.kiln.tracking.rest.TrackingServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReferencesTest {
  @TempDir Path dir;
  private Path bundle;

  @BeforeEach
  void bundle() throws Exception {
    Frame data = Frame.of(DoubleColumn.of("x", 1, 2, 3, 4), DoubleColumn.of("y", 2, 4, 6, 8));
    FittedPreprocessor prep = new Preprocessor(List.of()).fit(data);
    Model model = new LinearEstimator(Task.REGRESSION, 0, 10).fit(TrainingData.of(
        prep.transform(data), "y"), null);
    bundle = dir.resolve("bundle");
    ModelBundle.write(BundleSpec.builder("lin", "b7").model(model, prep).trainedOn(data, "y")
        .metrics(Map.of("rmse", 0.1)).build(), bundle);
    Files.createDirectories(dir.resolve("project/conf/base"));
    Files.writeString(dir.resolve("project/conf/base/kiln.yml"), "name: p\n");
  }

  private Project project() {
    return Project.open(dir.resolve("project"), "base", List.of());
  }

  @Test
  void fetch_path_verifiesIt_andNeverOpensTheProject() {
    Supplier<Project> none = () -> {
      throw new AssertionError("the project must not be opened for a path");
    };
    try (ModelReferences.Fetched f = ModelReferences.fetch(bundle.toString(), none)) {
      assertThat(f.bundle()).isEqualTo(bundle);
      assertThat(f.version()).isEqualTo("b7");
      assertThat(f.reference()).isNull();
      assertThat(f.manifest().name()).isEqualTo("lin");
    }
    assertThat(ModelReferences.modelName(bundle.toString())).isEqualTo("lin");
    assertThat(ModelReferences.modelName("fraud@champion")).isEqualTo("fraud");
  }

  @Test
  void fetch_registryReference_downloadsTheVersion_andCloseDeletesIt() {
    try (ProjectTracking tracking = ProjectTracking.open(project())) {
      tracking.registry().register("lin", bundle, null, Map.of());
      tracking.store().updateAlias("lin", "champion", 1);
    }
    Path downloaded;
    try (ModelReferences.Fetched f = ModelReferences.fetch("lin@champion", this::project)) {
      downloaded = f.bundle();
      assertThat(f.version()).isEqualTo("1");
      assertThat(f.reference()).isEqualTo("lin@champion");
      assertThat(downloaded.resolve("bundle.json")).isRegularFile();
    }
    assertThat(downloaded).doesNotExist();
    ModelReferences.Loaded loaded = ModelReferences.load("lin:1", this::project, LoadOptions.none());
    assertThat(loaded.version()).isEqualTo("1");
    assertThat(loaded.bundle().manifest().name()).isEqualTo("lin");
  }

  @Test
  void fetch_unknownModel_isTheRegistrysError() {
    project();
    assertThatThrownBy(() -> ModelReferences.fetch("nope@champion", this::project))
        .isInstanceOf(KilnException.class).hasMessageContaining("nope");
  }

  @Test
  void downloadRemote_aliasOnAServer_movesVerifiedFilesIntoTheFolder_andLeavesNoTemp()
      throws Exception {
    Set<String> tempBefore = temporaryDownloads();
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("server/kiln.db"))) {
      var artifacts = ArtifactStores.local(dir.resolve("server/artifacts"));
      new ModelVersions(store, artifacts).register("lin", bundle, null, Map.of());
      store.updateAlias("lin", "champion", 1);
      try (TrackingServer server = TrackingServer.start(store, artifacts,
          ServerOptions.port(0))) {
        RemoteTracking remote = new RemoteTracking(URI.create("http://127.0.0.1:"
            + server.port()), null, null, null);
        Path folder = Files.createDirectories(dir.resolve("fetched"));
        Files.writeString(folder.resolve("bundle.json"), "stale");

        ModelReferences.Fetched f = ModelReferences.downloadRemote(remote,
            "models:/lin@champion", Duration.ZERO, folder);

        assertThat(f.bundle()).isEqualTo(folder);
        assertThat(f.version()).isEqualTo("1");
        assertThat(f.reference()).isEqualTo("lin@champion");
        assertThat(f.download()).isNull();
        assertThat(ModelBundle.verify(folder).name()).isEqualTo("lin");
        assertThat(ModelBundle.verify(folder).version()).isEqualTo(f.manifest().version());
        assertThat(temporaryDownloads()).isEqualTo(tempBefore);

        Path untouched = dir.resolve("never-made");
        assertThatThrownBy(() -> ModelReferences.downloadRemote(remote, "models:/nope@champion",
            Duration.ZERO, untouched)).isInstanceOf(KilnException.class)
            .hasMessageContaining("nope");
        assertThat(untouched).doesNotExist();
      }
    }
  }

  /** The temporary folders a download of version 1 of 'lin' would leave behind. */
  private static Set<String> temporaryDownloads() throws Exception {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("kiln-lin-v1-"))
          .collect(Collectors.toSet());
    }
  }
}
