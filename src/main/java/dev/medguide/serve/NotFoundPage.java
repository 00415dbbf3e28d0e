package dev.medguide.serve;

import dev.medguide.internal.Urls;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Answers a path that is not in the site with the site's own 404 page ({@code {lang}/404.html}, in
 * the language the path begins with, Japanese otherwise), status 404, UTF-8. The page's relative
 * links are rewritten for the requested path's folder, so its styles and links work at any depth (a
 * {@code <base>} element would be refused by the pages' Content-Security-Policy).
 */
final class NotFoundPage extends Handler.Abstract {
  private final Path siteDir;

  NotFoundPage(Path siteDir) {
    this.siteDir = siteDir;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request).replaceFirst("^/+", "");
    String lang = path.startsWith("en/") ? "en" : "ja";
    Path page = SiteFile.inside(siteDir, lang + "/404.html").orElse(null);
    if (page == null) {
      return false; // no site page: Jetty's own 404
    }
    String requested = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    byte[] body = relinked(Files.readString(page, StandardCharsets.UTF_8), lang, requested);
    response.setStatus(HttpStatus.NOT_FOUND_404);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    if (request.getMethod().equals("HEAD")) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  /** The page as if it were at {@code requested}: each relative link points where it did. */
  static byte[] relinked(String html, String lang, String requested) {
    String own = lang + "/404.html";
    if (Urls.toRoot(requested).equals(Urls.toRoot(own)) && requested.startsWith(lang + "/")) {
      return html.getBytes(StandardCharsets.UTF_8); // the same folder: nothing to change
    }
    Document doc = Jsoup.parse(html);
    for (String attribute : new String[] {"href", "src", "action", "data-root"}) {
      for (Element element : doc.select("[" + attribute + "]")) {
        String value = element.attr(attribute);
        if (value.startsWith("#")
            || value.startsWith("/")
            || value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue;
        }
        String target = Urls.resolve(own, value.isEmpty() ? "./" : value);
        String moved = Urls.relative(requested, target);
        if (moved.isEmpty()) {
          moved = "./"; // the requested folder itself
        } else if (value.endsWith("/") && !moved.endsWith("/")) {
          moved += "/";
        }
        element.attr(attribute, moved);
      }
    }
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }
}
