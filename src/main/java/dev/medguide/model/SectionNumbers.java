package dev.medguide.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Section numbers as the guidelines write them: {@code 6}, {@code 6.5}, {@code 8.1.2}, the range
 * {@code 3.3.1-3.3.4}, or {@code annex}. Orders them numerically (6.10 after 6.9) and finds the
 * numbers that could be a parent.
 */
public final class SectionNumbers {
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)*(-\\d+(\\.\\d+)*)?");
  private static final Pattern CHAPTER = Pattern.compile("\\d+");

  /** Numeric order; anything that is not a number (the annex) sorts after all numbers. */
  public static final Comparator<String> ORDER = SectionNumbers::compare;

  private SectionNumbers() {}

  public static boolean isNumber(String number) {
    return NUMBER.matcher(number).matches();
  }

  public static boolean isChapter(String number) {
    return CHAPTER.matcher(number).matches();
  }

  /**
   * The nearest shorter number that could be this one's parent: {@code 8.4.2} → {@code 8.4}; {@code
   * 3.3.1-3.3.4} → {@code 3.3}; a chapter has none.
   */
  public static Optional<String> parentCandidate(String number) {
    String first = number.split("-", 2)[0];
    int dot = first.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(first.substring(0, dot));
  }

  /** The number as a reader sees it: a range is written with a wave dash in Japanese. */
  public static String display(String number, Language lang) {
    return number.replace("-", lang == Language.JA ? "～" : "–");
  }

  /**
   * The numbers a section number stands for: itself, or every number of a range that differs only
   * in its last component ({@code 3.3.1-3.3.4} → 3.3.1, 3.3.2, 3.3.3, 3.3.4).
   */
  public static java.util.List<String> expand(String number) {
    if (!isNumber(number)) {
      return java.util.List.of();
    }
    String[] ends = number.split("-", 2);
    if (ends.length == 1) {
      return java.util.List.of(number);
    }
    int dot = ends[0].lastIndexOf('.');
    String prefix = dot < 0 ? "" : ends[0].substring(0, dot + 1);
    if (!ends[1].startsWith(prefix)) {
      return java.util.List.of(ends[0], ends[1]);
    }
    int from = Integer.parseInt(ends[0].substring(prefix.length()));
    int to = Integer.parseInt(ends[1].substring(prefix.length()));
    java.util.List<String> all = new java.util.ArrayList<>();
    for (int i = from; i <= to; i++) {
      all.add(prefix + i);
    }
    return all;
  }

  private static int compare(String a, String b) {
    int[] x = components(a);
    int[] y = components(b);
    return Arrays.compare(x, y);
  }

  private static int[] components(String number) {
    if (!isNumber(number)) {
      return new int[] {Integer.MAX_VALUE};
    }
    return Arrays.stream(number.split("-", 2)[0].split("\\."))
        .mapToInt(Integer::parseInt)
        .toArray();
  }
}
