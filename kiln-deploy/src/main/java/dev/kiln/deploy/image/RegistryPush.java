package dev.kiln.deploy.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.kiln.deploy.DeployException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pushing an image to the registry its name starts with (e.g. {@code
 * registry.example.com/team/fraud:3}), signed in with a user and password from the environment,
 * or else with the Docker or Podman login files. The password is never logged nor shown.
 *
 * @param allowHttp whether a registry without TLS may be used (e.g. {@code localhost:5000});
 *     credentials then travel in clear text
 * @param username the user, or null to use the login files
 * @param password the user's password or token, or null
 */
public record RegistryPush(boolean allowHttp, String username, String password) {
  /** The environment variable holding the registry user. */
  public static final String USERNAME_ENV = "KILN_REGISTRY_USERNAME";
  /** The environment variable holding the registry password or token. */
  public static final String PASSWORD_ENV = "KILN_REGISTRY_PASSWORD";

  /**
   * Checks that user and password come together.
   *
   * @throws DeployException if only one of them is given
   */
  public RegistryPush {
    if ((username == null) != (password == null)) {
      throw new DeployException(USERNAME_ENV + " and " + PASSWORD_ENV + " must be set"
          + " together, and only " + (username == null ? PASSWORD_ENV : USERNAME_ENV) + " is.",
          "set both, or neither to use the login files of 'podman login' / 'docker login'");
    }
  }

  /** Reads the user and password from {@value #USERNAME_ENV} and {@value #PASSWORD_ENV}. */
  public static RegistryPush fromEnvironment(Map<String, String> env, boolean allowHttp) {
    return new RegistryPush(allowHttp, blankToNull(env.get(USERNAME_ENV)),
        blankToNull(env.get(PASSWORD_ENV)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Returns Jib's target image, with the credentials (or the login files) to sign in. */
  RegistryImage target(ImageReference reference, Map<String, String> env) {
    RegistryImage image = RegistryImage.named(reference);
    if (username != null) {
      return image.addCredential(username, password);
    }
    CredentialRetrieverFactory files = CredentialRetrieverFactory.forImage(reference,
        event -> { });
    for (Path file : loginFiles(env)) {
      image.addCredentialRetriever(files.dockerConfig(file));
    }
    return image.addCredentialRetriever(files.dockerConfig());
  }

  /** Podman's login files (REGISTRY_AUTH_FILE, then the runtime and config folders). */
  private static List<Path> loginFiles(Map<String, String> env) {
    List<Path> files = new ArrayList<>();
    if (env.get("REGISTRY_AUTH_FILE") != null) {
      files.add(Path.of(env.get("REGISTRY_AUTH_FILE")));
    }
    if (env.get("XDG_RUNTIME_DIR") != null) {
      files.add(Path.of(env.get("XDG_RUNTIME_DIR"), "containers", "auth.json"));
    }
    files.add(Path.of(System.getProperty("user.home"), ".config", "containers", "auth.json"));
    return files.stream().filter(Files::isRegularFile).toList();
  }

  @Override
  public String toString() {
    return "RegistryPush[allowHttp=" + allowHttp + ", username=" + username + ", password="
        + (password == null ? "none" : "***") + "]";
  }
}
