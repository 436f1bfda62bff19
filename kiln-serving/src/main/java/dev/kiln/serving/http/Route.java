package dev.kiln.serving.http;

import java.util.List;
import java.util.function.Predicate;

/**
 * One endpoint: a method and a path pattern, what answers it, and what the server checks before
 * it reads the body.
 *
 * @param method e.g. {@code GET}
 * @param pattern segments separated by {@code /}; {@code {name}} matches one segment, a last
 *     segment {@code **} matches the rest of the path (or nothing)
 * @param handler what answers
 * @param accepts the content types accepted (checked before the body is read), empty for any
 * @param predicting whether it predicts: refused while the server drains, and counted in flight
 *     until its answer is written
 * @param inline whether a request may be answered on the connection's event loop (cheap work);
 *     otherwise a worker thread answers it
 */
record Route(String method, String pattern, Handler handler, List<String> accepts,
    boolean predicting, Predicate<Exchange> inline) {
  Route {
    accepts = List.copyOf(accepts);
  }
}
