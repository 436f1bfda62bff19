package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.deploy.FetchAtStart;
import dev.kiln.deploy.KilnJars;
import dev.kiln.deploy.PackageSpec;
import dev.kiln.deploy.PackageTarget;
import dev.kiln.deploy.Packager;
import dev.kiln.deploy.image.RegistryPush;
import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.ml.onnx.OnnxModel;
import dev.kiln.tracking.remote.RemoteTracking;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln package MODEL --target T}: images, manifests, CI files, PaaS folders, jars. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Package a model for deployment: an OCI image built without a daemon"
        + " (image), a Kustomize base and canary overlay (k8s), a KServe InferenceService"
        + " (kserve), CI/CD files (ci), a Heroku-style folder (paas) or a runnable jar (jar).")
final class PackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "MODEL", description = "Registered model (NAME@alias, NAME:version,"
      + " NAME) or a bundle folder or zip.")
  String model;

  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "image,"
      + " k8s, kserve, ci, paas or jar.")
  String target;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default:"
      + " build/TARGET; for ci the project folder).")
  Path out;

  @Option(names = "--image", paramLabel = "REF", description = "Image name and tag (default"
      + " kiln/NAME:VERSION).")
  String image;

  @Option(names = "--push", description = "For --target image: also push the image to the"
      + " registry its --image name starts with; user and password from KILN_REGISTRY_USERNAME"
      + " and KILN_REGISTRY_PASSWORD, else the login files of podman/docker login.")
  boolean push;

  @Option(names = "--insecure-registry", description = "Allow pushing to a registry without"
      + " TLS (e.g. localhost:5000); credentials then travel in clear text.")
  boolean insecureRegistry;

  @Option(names = "--port", defaultValue = "8080", description = "Server port in the"
      + " container (default 8080).")
  int port;

  @Option(names = "--fetch-from", paramLabel = "URL", description = "For image, k8s, kserve:"
      + " no bundle inside; the container fetches MODEL (NAME@alias) from the tracking server"
      + " at URL at each start, verified (credentials: MLFLOW_TRACKING_TOKEN, or"
      + " MLFLOW_TRACKING_USERNAME/PASSWORD).")
  String fetchFrom;

  @Option(names = "--kiln-jar", paramLabel = "JAR", description = "The runnable kiln.jar to"
      + " package (default: the one running).")
  Path kilnJar;

  @Option(names = "--with", split = ",", paramLabel = "PART", description = "Optional parts to"
      + " add beside kiln.jar: onnx, s3, postgresql (onnx is added for ONNX models).")
  List<String> parts = new ArrayList<>();

  @Mixin PackageCiOptions ci;

  @Override
  public Integer call() throws Exception {
    PackageTarget t = PackageTarget.parse(target);
    PrintWriter w = spec.commandLine().getOut();
    if (t == PackageTarget.CI) { // per project: the model need not be trained yet
      ci.write(ModelReferences.modelName(model), out != null ? out : project.project)
          .forEach(f -> w.println("Wrote " + f));
      return 0;
    }
    if (push && (t != PackageTarget.IMAGE || image == null)) {
      throw new KilnException("--push needs --target image and an --image name that starts"
          + " with the registry.", "e.g. --target image --image registry.example.com/team/"
          + model.split("[@:]")[0] + ":1 --push");
    }
    RemoteTracking server = fetchFrom == null ? null
        : RemoteTracking.fromEnvironment(System.getenv(), fetchFrom);
    try (ModelReferences.Fetched fetched = project.fetchModel(model, server)) {
      Path jar = kilnJar != null ? kilnJar : KilnJars.running();
      PackageSpec packaged = PackageSpec.builder(fetched.bundle(), out != null ? out
              : Path.of("build", t.cliName()))
          .registry(fetched.version(), fetched.reference()).image(image).port(port)
          .kilnJar(jar, KilnJars.optionalJars(jar, parts,
              OnnxModel.FORMAT.equals(fetched.manifest().modelFormat())))
          .fetchAtStart(server == null ? null : new FetchAtStart(server.uri().toString(),
              RemoteModelMain.class.getName()))
          .build();
      Packager packager = new Packager(KilnJars.cacheDir(), ModelJarMain.class.getName());
      Packager.Result result = (push ? packager.pushingTo(RegistryPush.fromEnvironment(
          System.getenv(), insecureRegistry)) : packager).write(t, packaged);
      PackageReport.print(w, result, packaged);
      return 0;
    }
  }
}
