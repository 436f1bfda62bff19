package dev.kiln.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln health}: probes a server's readiness, for container health checks in images that
 * have no shell or curl.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Probe a model server: exit 0 when the URL answers 200, else 1.")
final class HealthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/v2/health/ready",
      description = "URL to probe (default http://127.0.0.1:8080/v2/health/ready).")
  URI url;

  @Option(names = "--timeout", defaultValue = "3s", converter = DurationConverter.class,
      description = "How long to wait for the answer (default 3s).")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      spec.commandLine().getOut().println(r.statusCode() + " " + r.body());
      return r.statusCode() == 200 ? 0 : 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("Not healthy: " + url + ": " + e);
      return 1;
    }
  }
}
