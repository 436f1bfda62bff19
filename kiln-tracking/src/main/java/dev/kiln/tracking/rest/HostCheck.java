package dev.kiln.tracking.rest;

import dev.kiln.tracking.TrackingException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests whose {@code Host} header names a host the server does not answer to, which
 * defeats DNS rebinding: a web page that points its own domain at this server's address still
 * sends its domain as {@code Host}. Loopback names and IP literals are always accepted (a rebound
 * request carries a domain name, never an address), as is the name the server was bound to;
 * {@code allowed} adds names ({@code *.example.com} for subdomains, {@code *} for any). The
 * tracking server and the web UI ({@code kiln ui}) install it before every other handler.
 */
public final class HostCheck implements Handler {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "localhost.localdomain",
      "ip6-localhost");
  private static final int ECHO_LIMIT = 100;

  private final List<String> allowed;

  /** Accepts the default hosts, {@code bindHost} and {@code allowed}. */
  public HostCheck(String bindHost, List<String> allowed) {
    List<String> all = new java.util.ArrayList<>();
    all.add(normalise(bindHost));
    allowed.forEach(a -> all.add(normalise(a)));
    this.allowed = List.copyOf(all);
  }

  /** Returns whether an interface or host name is a loopback one. */
  public static boolean isLoopback(String host) {
    String h = normalise(host);
    return LOOPBACK_NAMES.contains(h) || h.equals("::1")
        || (h.startsWith("127.") && IPV4.matcher(h).matches());
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Host");
    if (header == null || header.isBlank() || accepts(hostOf(header))) {
      return;
    }
    String shown = header.length() > ECHO_LIMIT ? header.substring(0, ECHO_LIMIT) + "..."
        : header;
    throw new TrackingException("PERMISSION_DENIED", "Host '" + shown + "' is not allowed on"
        + " this server (a guard against DNS rebinding).", "Address the server by IP or"
        + " by an allowed name; operators add names with --allowed-hosts.", null);
  }

  boolean accepts(String host) {
    if (isLoopback(host) || IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
      return true;
    }
    for (String pattern : allowed) {
      if (pattern.equals("*") || pattern.equals(host)
          || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  /** Returns the host part of a Host header: no port, no brackets, lower case, no final dot. */
  static String hostOf(String header) {
    String h = header.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return normalise(end < 0 ? h.substring(1) : h.substring(1, end));
    }
    int colon = h.indexOf(':');
    return normalise(colon < 0 ? h : h.substring(0, colon));
  }

  private static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
