package dev.kiln.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file shipped under {@code dev/kiln/deploy/} with {@code {{key}}} placeholders. Every
 * placeholder must have a value, so a renamed key fails the build's tests instead of leaking
 * into a manifest.
 */
public final class Template {
  private static final Pattern KEY = Pattern.compile("\\{\\{([A-Za-z]+)}}");

  private final String path;
  private final String text;

  private Template(String path, String text) {
    this.path = path;
    this.text = text;
  }

  /**
   * Reads a template, e.g. {@code k8s/base/deployment.yaml}.
   *
   * @throws IllegalArgumentException if Kiln ships no such template
   */
  public static Template of(String path) {
    try (InputStream in = Template.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + path);
      }
      return new Template(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text with every placeholder replaced by its value. */
  public String render(Map<String, String> values) {
    Matcher m = KEY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("template " + path + " needs a value for '"
            + m.group(1) + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
