package dev.medguide.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Live reload for writers: the build's state (a generation that grows with each published build,
 * and the problems of the last failed one), served at {@code /__medguide/status}, and a small
 * script that {@code serve} injects into the HTML pages it sends, which reloads the page after a
 * rebuild and shows build errors in an overlay. The built site itself never contains it.
 *
 * <p>The script long-polls: {@code status?after=N} answers as soon as the state changes after its
 * version N (or after {@link #WAIT_MILLIS}), so a page reloads the moment a rebuild is published.
 */
public final class LiveReload {
  static final String PREFIX = "/__medguide/";
  static final long WAIT_MILLIS = 20_000;

  private final AtomicLong generation = new AtomicLong();
  private volatile String error;
  private final byte[] script;

  /** Grows with every change of state, published or failed; guarded by {@code this}. */
  private long version;

  /** Whether the search indexes are still catching up with the last rebuild. */
  private volatile BooleanSupplier searchPending = () -> false;

  public LiveReload() {
    try (InputStream in = LiveReload.class.getResourceAsStream("livereload.js")) {
      script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the status finds whether the search indexes are behind the pages. */
  void searchPending(BooleanSupplier pending) {
    this.searchPending = pending;
  }

  /** A build was published: open pages reload. */
  public synchronized void published() {
    error = null;
    generation.incrementAndGet();
    version++;
    notifyAll();
  }

  /** A build failed: open pages show its problems; the last good site stays served. */
  public synchronized void failed(String problems) {
    error = problems;
    version++;
    notifyAll();
  }

  /** The state, once its version is past {@code after} or the wait is over. */
  private synchronized Map<String, Object> state(long after) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    for (long left = WAIT_MILLIS; version <= after && left > 0; ) {
      wait(left);
      left = deadline - System.currentTimeMillis();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("version", version);
    state.put("generation", generation.get());
    state.put("error", error);
    state.put("searchPending", searchPending());
    return state;
  }

  long generation() {
    return generation.get();
  }

  /** Whether the search indexes are still catching up with the pages last published. */
  boolean searchPending() {
    return searchPending.getAsBoolean();
  }

  /** Serves the status and the script, and HTML pages with the script added. */
  Handler handler(Path siteDir) {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        String path = Request.getPathInContext(request);
        if (path.equals(PREFIX + "status")) {
          String after = Request.extractQueryParameters(request).getValue("after");
          Map<String, Object> state = state(after == null ? -1 : parse(after));
          return send(
              response,
              callback,
              "application/json; charset=utf-8",
              new ObjectMapper().writeValueAsBytes(state));
        }
        if (path.equals(PREFIX + "livereload.js")) {
          return send(response, callback, "text/javascript; charset=utf-8", script);
        }
        Path page = page(siteDir, path);
        if (page == null) {
          return false;
        }
        String contextPath = request.getContext().getContextPath();
        String tag =
            "<script src=\""
                + (contextPath.equals("/") ? "" : contextPath)
                + PREFIX
                + "livereload.js\" defer></script>";
        String html =
            Files.readString(page, StandardCharsets.UTF_8).replaceFirst("</head>", tag + "</head>");
        return send(
            response, callback, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static long parse(String number) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The HTML file a path names inside the site, or null (then the file handler decides). */
  static Path page(Path siteDir, String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.isEmpty() || relative.endsWith("/")) {
      relative += "index.html";
    }
    if (!relative.endsWith(".html")) {
      return null;
    }
    Path root = siteDir.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
  }

  private static boolean send(Response response, Callback callback, String type, byte[] body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
