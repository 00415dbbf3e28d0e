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

  /** The prefix that leads from the page at {@code from} to the site root ({@code ../../}). */
  public static String toRoot(String from) {
    return "../".repeat(directories(from).length);
  }

  private static String[] directories(String url) {
    int slash = url.lastIndexOf('/');
    return slash < 0 ? new String[0] : url.substring(0, slash).split("/");
  }
}
