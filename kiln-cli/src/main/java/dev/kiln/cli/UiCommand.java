package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.ui.UiOptions;
import dev.kiln.ui.UiServer;
import dev.kiln.ui.Workspace;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln ui}: the web UI of a project. */
@Command(name = "ui", mixinStandardHelpOptions = true,
    description = "Serve the project's web UI: pipeline graph, runs and comparisons, model"
        + " registry (promote, roll back), serving metrics and drift reports. Stops on Ctrl-C.")
final class UiCommand implements Callable<Integer> {
  static final String DEFAULT_TOKEN_ENV = "KILN_UI_TOKEN";

  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface (default"
      + " 127.0.0.1: this machine only; 0.0.0.0 for every interface, with a token).")
  String host;

  @Option(names = "--port", defaultValue = "" + UiOptions.DEFAULT_PORT, description = "Port"
      + " (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--server", paramLabel = "URL", description = "A model server whose models"
      + " and /metrics the serving page follows, e.g. http://127.0.0.1:8080 (repeatable).")
  List<String> servers = new ArrayList<>();

  @Option(names = "--allowed-hosts", split = ",", paramLabel = "NAME", description = "Host"
      + " names browsers may use besides loopback names, IP addresses and --host (DNS"
      + " rebinding guard), e.g. kiln.example.com or *.example.com.")
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--token-env", paramLabel = "VAR", description = "Require 'Authorization:"
      + " Bearer <token>' with the token in this environment variable (default: "
      + DEFAULT_TOKEN_ENV + " when it is set).")
  String tokenEnv;

  @Option(names = "--server-token-env", paramLabel = "VAR", description = "Environment variable"
      + " holding the bearer token of the --server URLs.")
  String serverTokenEnv;

  @Override
  public Integer call() throws InterruptedException {
    String token = tokenEnv == null ? Secrets.fromDefaultEnv(DEFAULT_TOKEN_ENV)
        : Secrets.fromEnv(tokenEnv);
    UiOptions options = new UiOptions(host, port, token, allowedHosts);
    if (token == null && !options.loopbackOnly()) {
      throw new KilnException("kiln ui on '" + host + "' would show the project's runs and"
          + " models to the network without a token.", "set " + DEFAULT_TOKEN_ENV
          + " (or --token-env VAR), or keep the default --host 127.0.0.1");
    }
    Project opened = project.open();
    List<URI> urls = servers.stream().map(UiCommand::url).toList();
    CountDownLatch stopped = new CountDownLatch(1);
    try (ProjectTracking tracking = ProjectTracking.open(opened);
        UiServer server = UiServer.start(new Workspace(opened, tracking.store(),
            tracking.artifacts(),
            project.layout().monitoringDir(), new Workspace.Servers(urls,
                serverTokenEnv == null ? null : Secrets.fromEnv(serverTokenEnv))),
            options)) {
      spec.commandLine().getOut().printf("Kiln UI for %s on http://%s:%d/ui/ (%s); Ctrl-C"
          + " stops it%n", opened.name(), host.contains(":") ? "[" + host + "]" : host,
          server.port(), token == null ? "no authentication"
              : "bearer token required");
      spec.commandLine().getOut().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "kiln-ui-stop"));
      stopped.await();
    }
    return 0;
  }

  private static URI url(String text) {
    try {
      URI uri = URI.create(text.endsWith("/") ? text : text + "/");
      if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new KilnException("--server '" + text + "' is not an http(s) URL.",
        "e.g. --server http://127.0.0.1:8080");
  }
}
