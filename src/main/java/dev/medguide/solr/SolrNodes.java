package dev.medguide.solr;

import dev.medguide.BuildException;
import dev.medguide.search.SolrTarget;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;

/**
 * SolrJ clients of a target's nodes (SolrJ's JDK HTTP client: no Jetty of its own). A request goes
 * to the node that last answered; when that node cannot be reached, to the next, so a stopped node
 * costs one failed connection, not an error; so does a node that answers 502, 503 or 504 (one
 * shutting down says 503). Solr's refusals (bad request, authentication) are not retried: every
 * node would say the same.
 */
final class SolrNodes implements AutoCloseable {
  /** A request to one node. */
  interface Call<T> {
    T on(SolrClient client) throws SolrServerException, IOException;
  }

  private final List<URI> urls;
  private final List<HttpJdkSolrClient> clients = new ArrayList<>();
  private final AtomicInteger current = new AtomicInteger();

  SolrNodes(SolrTarget target) {
    this.urls = target.nodes();
    for (URI url : urls) {
      HttpJdkSolrClient.Builder builder =
          new HttpJdkSolrClient.Builder(url.toString())
              .withConnectionTimeout(5, TimeUnit.SECONDS)
              .withRequestTimeout(120, TimeUnit.SECONDS);
      target.user().ifPresent(u -> builder.withBasicAuthCredentials(u, target.password().get()));
      clients.add(builder.build());
    }
  }

  /** Runs a request on the first node that answers; what went wrong is the message otherwise. */
  <T> T call(String what, Call<T> call) {
    List<String> failures = new ArrayList<>();
    int start = current.get();
    for (int i = 0; i < clients.size(); i++) {
      int node = (start + i) % clients.size();
      try {
        T result = call.on(clients.get(node));
        current.set(node);
        return result;
      } catch (SolrException e) {
        if (!unavailable(e.code())) {
          throw refused(what, urls.get(node), e.code(), e.getMessage(), e);
        }
        failures.add(urls.get(node) + ": HTTP " + e.code() + " (node unavailable)");
      } catch (SolrServerException | IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SolrException se && !unavailable(se.code())) {
          throw refused(what, urls.get(node), se.code(), se.getMessage(), e);
        }
        failures.add(urls.get(node) + ": " + describe(cause));
      }
    }
    throw new BuildException("cannot reach Solr to " + what + ": " + String.join("; ", failures));
  }

  /**
   * Whether a status says the node, not the request, is the problem: a node shutting down or
   * starting answers 503, a proxy in front of a dead one 502 or 504.
   */
  static boolean unavailable(int code) {
    return code == 502 || code == 503 || code == 504;
  }

  private static BuildException refused(
      String what, URI node, int code, String message, Exception e) {
    String reason =
        switch (code) {
          case 401 ->
              "authentication required (set "
                  + SolrTarget.USER_VARIABLE
                  + " and "
                  + SolrTarget.PASSWORD_VARIABLE
                  + ")";
          case 403 -> "not allowed for these credentials";
          default -> "HTTP " + code;
        };
    return new BuildException(
        "Solr at " + node + " refused to " + what + ": " + reason + ": " + firstLine(message), e);
  }

  private static String describe(Throwable cause) {
    String name = cause.getClass().getSimpleName();
    return cause.getMessage() == null ? name : name + ": " + firstLine(cause.getMessage());
  }

  private static String firstLine(String text) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  @Override
  public void close() {
    for (SolrClient client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        // closing an HTTP client frees memory only
      }
    }
  }
}
