package dev.medguide.serve;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Range requests within reason: at most {@link #MAX_RANGES} ranges, none overlapping another.
 * Anything else (2,000 one-byte ranges that would send a 15 KB file twelve times over) has its
 * Range header ignored, as HTTP allows, and gets the whole file once.
 */
final class RangeLimit extends Handler.Wrapper {
  /** The most ranges one request may ask for (Apache's default is 200; browsers ask for one). */
  static final int MAX_RANGES = 8;

  RangeLimit(Handler files) {
    super(files);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String range = request.getHeaders().get(HttpHeader.RANGE);
    if (range == null || reasonable(range)) {
      return super.handle(request, response, callback);
    }
    HttpFields without = HttpFields.build(request.getHeaders()).remove(HttpHeader.RANGE);
    return super.handle(
        new Request.Wrapper(request) {
          @Override
          public HttpFields getHeaders() {
            return without;
          }
        },
        response,
        callback);
  }

  /**
   * Few ranges of explicit, non-overlapping bytes (suffix ranges count as overlapping anything).
   */
  static boolean reasonable(String header) {
    if (!header.startsWith("bytes=")) {
      return false;
    }
    String[] specs = header.substring("bytes=".length()).split(",", -1);
    if (specs.length > MAX_RANGES) {
      return false;
    }
    List<long[]> ranges = new ArrayList<>();
    for (String spec : specs) {
      String[] ends = spec.strip().split("-", -1);
      if (ends.length != 2) {
        return false;
      }
      try {
        long from = ends[0].isEmpty() ? -1 : Long.parseLong(ends[0]);
        long to = ends[1].isEmpty() ? Long.MAX_VALUE : Long.parseLong(ends[1]);
        if (from < 0 && specs.length > 1) {
          return false;
        }
        for (long[] other : ranges) {
          if (from <= other[1] && other[0] <= to) {
            return false;
          }
        }
        ranges.add(new long[] {from, to});
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
