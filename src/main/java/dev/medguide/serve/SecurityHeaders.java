package dev.medguide.serve;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds the headers every response carries: the same Content-Security-Policy as the pages' meta tag
 * (nothing from another host), no MIME sniffing, no framing by other sites. Never handles the
 * request itself.
 */
final class SecurityHeaders extends Handler.Abstract {
  static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    response.getHeaders().put("Content-Security-Policy", POLICY);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    return false;
  }
}
