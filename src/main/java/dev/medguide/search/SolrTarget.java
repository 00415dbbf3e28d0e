package dev.medguide.search;

import dev.medguide.BuildException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Solr collection is: the base URLs of some of its cluster's nodes (any node answers for
 * the whole collection; the others are tried when one does not answer), the collection, and the
 * credentials, which come from the environment ({@code MEDGUIDE_SOLR_USER} and {@code
 * MEDGUIDE_SOLR_PASSWORD}), never from the command line.
 *
 * @param nodes base URLs such as {@code http://solr1:8983/solr}
 * @param collection the collection's name
 * @param user the user of HTTP basic authentication, if any
 * @param password its password
 */
public record SolrTarget(
    List<URI> nodes, String collection, Optional<String> user, Optional<String> password) {
  public static final String USER_VARIABLE = "MEDGUIDE_SOLR_USER";
  public static final String PASSWORD_VARIABLE = "MEDGUIDE_SOLR_PASSWORD";

  /**
   * Reads {@code http://h1:8983/solr} or several nodes, {@code http://h1:8983,h2:8983/solr}.
   *
   * @throws BuildException when the address is not an http(s) URL
   */
  public static SolrTarget of(String url, String collection, Map<String, String> env) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(https?)://([^/?#]+)(/[^?#]*)?").matcher(url.strip());
    if (!m.matches()) {
      throw new BuildException(
          "not a Solr address: '" + url + "' (expected http://host:8983/solr)");
    }
    String path = m.group(3) == null || m.group(3).equals("/") ? "/solr" : m.group(3);
    List<URI> nodes = new ArrayList<>();
    for (String host : m.group(2).split(",")) {
      try {
        URI node = new URI(m.group(1) + "://" + host.strip() + path.replaceAll("/+$", ""));
        if (node.getHost() == null) {
          throw new java.net.URISyntaxException(host, "no host");
        }
        nodes.add(node);
      } catch (java.net.URISyntaxException e) {
        throw new BuildException("not a Solr address: '" + url + "': " + e.getMessage(), e);
      }
    }
    if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new BuildException("not a Solr collection name: '" + collection + "'");
    }
    Optional<String> user = Optional.ofNullable(env.get(USER_VARIABLE)).filter(s -> !s.isEmpty());
    Optional<String> password = Optional.ofNullable(env.get(PASSWORD_VARIABLE));
    if (user.isPresent() && password.isEmpty()) {
      throw new BuildException(USER_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not");
    }
    return new SolrTarget(
        List.copyOf(nodes), collection, user, password.filter(p -> user.isPresent()));
  }

  /** The nodes, collection and user; never the password (messages and logs may print this). */
  @Override
  public String toString() {
    return "SolrTarget[nodes="
        + nodes
        + ", collection="
        + collection
        + ", user="
        + user.orElse("(none)")
        + (password.isPresent() ? ", password=(set)" : "")
        + "]";
  }

  /**
   * Reads serve's {@code solr://h1:8983,h2:8983/solr/COLLECTION?site=ID} ({@code solrs://} for
   * https): the target and the site.
   */
  public static Map.Entry<SolrTarget, String> ofBackend(String address, Map<String, String> env) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("solr(s?)://([^/?#]+)(/.*)?/([^/?#]+)\\?site=([^&#]+)")
            .matcher(address.strip());
    if (!m.matches()) {
      throw new BuildException(
          "not a Solr search backend: '"
              + address
              + "' (expected solr://host:8983/solr/COLLECTION?site=ID)");
    }
    String scheme = m.group(1).isEmpty() ? "http" : "https";
    String path = m.group(3) == null ? "/solr" : m.group(3);
    SolrTarget target = of(scheme + "://" + m.group(2) + path, m.group(4), env);
    return Map.entry(target, SolrConnector.checkSite(m.group(5)));
  }
}
