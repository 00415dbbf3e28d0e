package dev.medguide.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers anything but GET and HEAD with 405: the preview server only reads. */
final class ReadOnlyMethods extends Handler.Abstract {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return false;
    }
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
    Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
    return true;
  }
}
