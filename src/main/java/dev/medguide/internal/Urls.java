package dev.medguide.internal;

/** Relative URLs between files of the site; all site URLs are relative so the site can move. */
public final class Urls {
  private Urls() {}

  /**
   * The relative URL from the page at {@code from} to {@code to}, both relative to the site root
   * with {@code /} separators: {@code ja/mhlw/6.5.html} → {@code ja/mic/3.2.3.html} gives {@code
   * ../mic/3.2.3.html}.
   */
  public static String relative(String from, String to) {
    String[] source = directories(from);
    String[] target = to.split("/", -1);
    int common = 0;
    while (common < source.length
        && common < target.length - 1
        && source[common].equals(target[common])) {
      common++;
    }
    StringBuilder url = new StringBuilder();
    for (int i = common; i < source.length; i++) {
      url.append("../");
    }
    for (int i = common; i < target.length; i++) {
      url.append(target[i]);
      if (i < target.length - 1) {
        url.append('/');
      }
    }
    return url.toString();
  }

  /**
   * The site-root path that the relative URL {@code href} (which may carry a {@code #fragment})
   * points to from the page at {@code from}: {@code ja/mhlw/6.5.html} + {@code 6.html#x} gives
   * {@code ja/mhlw/6.html#x}.
   */
  public static String resolve(String from, String href) {
    int hash = href.indexOf('#');
    String path = hash < 0 ? href : href.substring(0, hash);
    String fragment = hash < 0 ? "" : href.substring(hash);
    if (path.isEmpty()) {
      return from + fragment;
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    String[] base = from.split("/");
    for (int i = 0; i < base.length - 1; i++) {
      parts.addLast(base[i]);
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.equals(".") && !part.isEmpty()) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts) + fragment;
  }

  /** The prefix that leads from the page at {@code from} to the site root ({@code ../../}). */
  public static String toRoot(String from) {
    return "../".repeat(directories(from).length);
  }

  private static String[] directories(String url) {
    int slash = url.lastIndexOf('/');
    return slash < 0 ? new String[0] : url.substring(0, slash).split("/");
  }
}
