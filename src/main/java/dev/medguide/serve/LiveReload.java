package dev.medguide.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Live reload for writers: the build's state (a generation that grows with each published build,
 * and the problems of the last failed one), served at {@code /__medguide/status}, and a small
 * script that {@code serve} injects into the HTML pages it sends, which reloads the page after a
 * rebuild and shows build errors in an overlay. The built site itself never contains it.
 *
 * <p>The script long-polls: {@code status?after=N} answers as soon as the state changes after its
 * version N (or after {@link #WAIT_MILLIS}), so a page reloads the moment a rebuild is published. A
 * waiting poll holds no server thread: every open page has one, and the server has few threads (see
 * {@link SiteServer}).
 */
public final class LiveReload {
  static final String PREFIX = "/__medguide/";
  static final long WAIT_MILLIS = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong generation = new AtomicLong();
  private volatile String error;
  private final byte[] script;

  /** Grows with every change of state, published or failed; guarded by {@code this}. */
  private long version;

  /** Polls waiting for the next change of state; guarded by {@code this}. */
  private final List<Poll> polls = new ArrayList<>();

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
  /** How many status requests are waiting for the next change. */
  synchronized int waiting() {
    return polls.size();
  }

  public void published() {
    List<Poll> waiting;
    synchronized (this) {
      error = null;
      generation.incrementAndGet();
      version++;
      waiting = takePolls();
    }
    waiting.forEach(this::answer);
  }

  /** A build failed: open pages show its problems; the last good site stays served. */
  public void failed(String problems) {
    List<Poll> waiting;
    synchronized (this) {
      error = problems;
      version++;
      waiting = takePolls();
    }
    waiting.forEach(this::answer);
  }

  private List<Poll> takePolls() {
    List<Poll> waiting = new ArrayList<>(polls);
    polls.clear();
    return waiting;
  }

  /**
   * Answers a status request with the state: now if its version is past {@code after}, else at the
   * next change of state or after {@link #WAIT_MILLIS}, whichever comes first.
   */
  private void status(long after, Request request, Response response, Callback callback) {
    Poll poll = new Poll(response, callback);
    synchronized (this) {
      if (version <= after) {
        polls.add(poll);
        poll.timeout =
            request
                .getComponents()
                .getScheduler()
                .schedule(() -> expire(poll), WAIT_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
    }
    answer(poll);
  }

  private void expire(Poll poll) {
    synchronized (this) {
      if (!polls.remove(poll)) {
        return; // answered already
      }
    }
    answer(poll);
  }

  private void answer(Poll poll) {
    Scheduler.Task timeout = poll.timeout;
    if (timeout != null) {
      timeout.cancel();
    }
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(state());
    } catch (IOException e) {
      poll.callback.failed(e);
      return;
    }
    send(poll.response, poll.callback, "application/json; charset=utf-8", body);
  }

  /** The state: its version, the published generation, the last error, the search's lag. */
  private synchronized Map<String, Object> state() {
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
          status(after == null ? -1 : parse(after), request, response, callback);
          return true;
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
    return SiteFile.inside(siteDir, relative).orElse(null);
  }

  private static boolean send(Response response, Callback callback, String type, byte[] body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** A status request waiting for its answer. */
  private static final class Poll {
    final Response response;
    final Callback callback;

    /** Answers the poll when the wait is over; set under the LiveReload's lock. */
    volatile Scheduler.Task timeout;

    Poll(Response response, Callback callback) {
      this.response = response;
      this.callback = callback;
    }
  }
}
