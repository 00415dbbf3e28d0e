package dev.medguide.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.model.Language;
import dev.medguide.search.SiteSearcher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/search?q=&lang=&limit=}: the Lucene search as JSON, the same objects the CLI's
 * {@code --json} prints. Bad input (no query, an overlong one, control characters, an unknown
 * language, a bad limit, broken percent-encoding) is answered with 400 and a JSON message, never a
 * stack trace.
 *
 * <p>Answers are cached: the index changes only when the site is rebuilt, and readers ask the same
 * questions (search-as-you-type asks every prefix), so a repeated query costs a map lookup instead
 * of a search with snippets. The cache holds up to a number of answers ({@link #DEFAULT_CACHED}
 * unless the server is given another) and up to {@link #MAX_CACHED_BYTES} bytes; when full, new
 * answers replace arbitrary ones. It is dropped whenever the searcher is replaced; 0 turns it off
 * ({@code -Dmedguide.searchCache=0}).
 */
final class SearchApiHandler extends Handler.Abstract {
  static final String PATH = "/api/search";
  static final int MAX_QUERY = 1000;
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_CACHED = 2000;

  private final Supplier<SiteSearcher> searcher;
  private final int cached;
  private final ObjectMapper json = new ObjectMapper();

  /** The most bytes of answers kept (a typical answer of 10 hits is 3 to 6 KB). */
  static final long MAX_CACHED_BYTES = 16L * 1024 * 1024;

  /** The answers (JSON) by query, their total size, and the searcher they came from. */
  private record Answers(
      SiteSearcher from,
      Map<String, byte[]> byQuery,
      java.util.concurrent.atomic.AtomicLong bytes) {}

  /**
   * The current answers, replaced when the searcher changes. Lock-free: on two cores a thread
   * holding a lock is often switched out, and every request behind it waits.
   */
  private final AtomicReference<Answers> answers = new AtomicReference<>();

  SearchApiHandler(Supplier<SiteSearcher> searcher, int cached) {
    this.searcher = searcher;
    this.cached = cached;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!Request.getPathInContext(request).equals(PATH)) {
      return false;
    }
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      return send(
          response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, Map.of("error", "use GET"));
    }
    Fields params;
    try {
      params = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return send(
          response,
          callback,
          HttpStatus.BAD_REQUEST_400,
          Map.of("error", "the query string is not valid percent-encoded UTF-8"));
    }
    String query = params.getValue("q");
    String problem = check(query, params.getValue("lang"), params.getValue("limit"));
    if (problem != null) {
      return send(response, callback, HttpStatus.BAD_REQUEST_400, Map.of("error", problem));
    }
    Set<Language> languages = languages(query, params.getValue("lang"));
    int limit = limit(params.getValue("limit"));
    SiteSearcher current = searcher.get();
    String key = languages + "\u0000" + limit + "\u0000" + query;
    byte[] answer = cached(current, key);
    if (answer == null) {
      try {
        answer = json.writeValueAsBytes(current.search(query, languages, limit));
      } catch (dev.medguide.BuildException e) {
        // A search backend elsewhere (Solr) that cannot answer now: say so, as JSON.
        return send(
            response,
            callback,
            HttpStatus.SERVICE_UNAVAILABLE_503,
            Map.of("error", e.getMessage()));
      }
      cache(current, key, answer);
    }
    return send(response, callback, HttpStatus.OK_200, answer);
  }

  private byte[] cached(SiteSearcher current, String key) {
    Answers now = answers.get();
    if (now == null || now.from() != current) {
      answers.compareAndSet(
          now,
          new Answers(
              current, new ConcurrentHashMap<>(), new java.util.concurrent.atomic.AtomicLong()));
      return null;
    }
    return now.byQuery().get(key);
  }

  private void cache(SiteSearcher current, String key, byte[] answer) {
    Answers now = answers.get();
    if (now == null || now.from() != current || cached <= 0) {
      return;
    }
    Map<String, byte[]> byQuery = now.byQuery();
    // Full (in answers or in bytes): answers make room, whichever the map gives first.
    var keys = byQuery.keySet().iterator();
    while ((byQuery.size() >= cached || now.bytes().get() + answer.length > MAX_CACHED_BYTES)
        && keys.hasNext()) {
      byte[] removed = byQuery.remove(keys.next());
      if (removed != null) {
        now.bytes().addAndGet(-removed.length);
      }
    }
    if (answer.length > MAX_CACHED_BYTES) {
      return;
    }
    byte[] previous = byQuery.put(key, answer);
    now.bytes().addAndGet(answer.length - (previous == null ? 0 : previous.length));
  }

  /** How many answers are kept, and their bytes (for tests and the benchmark). */
  long[] cacheSize() {
    Answers now = answers.get();
    return now == null ? new long[] {0, 0} : new long[] {now.byQuery().size(), now.bytes().get()};
  }

  /** What is wrong with the parameters, or null. */
  static String check(String query, String lang, String limit) {
    if (query == null || query.isBlank()) {
      return "missing query: use /api/search?q=words";
    }
    if (query.length() > MAX_QUERY) {
      return "query too long: at most " + MAX_QUERY + " characters";
    }
    if (query.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
      return "the query contains control characters";
    }
    if (lang != null
        && !lang.isEmpty()
        && !lang.equals("all")
        && !lang.equals("auto")
        && Language.fromCode(lang).isEmpty()) {
      return "unknown lang '" + lang + "': use ja, en, all or auto";
    }
    if (limit != null && !limit.isEmpty()) {
      try {
        int n = Integer.parseInt(limit);
        if (n < 1 || n > MAX_LIMIT) {
          return "limit must be between 1 and " + MAX_LIMIT;
        }
      } catch (NumberFormatException e) {
        return "limit must be a number";
      }
    }
    return null;
  }

  private static Set<Language> languages(String query, String lang) {
    if (lang == null || lang.isEmpty() || lang.equals("auto")) {
      return Language.ofQuery(query).map(EnumSet::of).orElse(EnumSet.allOf(Language.class));
    }
    return lang.equals("all")
        ? EnumSet.allOf(Language.class)
        : EnumSet.of(Language.fromCode(lang).orElseThrow());
  }

  private static int limit(String limit) {
    return limit == null || limit.isEmpty() ? 10 : Integer.parseInt(limit);
  }

  private boolean send(Response response, Callback callback, int status, Object body)
      throws Exception {
    return send(response, callback, status, json.writeValueAsBytes(body));
  }

  private static boolean send(Response response, Callback callback, int status, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }
}
