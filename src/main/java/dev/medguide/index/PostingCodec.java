package dev.medguide.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes lists of small non-negative integers as short strings for the static search, about a third
 * of their size as JSON arrays: each number in base 32, most significant digit first, the last
 * digit from {@link #LAST} and the ones before it from {@link #MORE}, so numbers below 32 take one
 * character and below 1,024 two. Both alphabets are safe in JSON strings without escapes. The
 * JavaScript engine ({@code engine.js}, {@code decode}) reads the same format.
 */
final class PostingCodec {
  /** Digits that end a number. */
  static final String LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

  /** Digits followed by more digits of the same number. */
  static final String MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";

  private PostingCodec() {}

  /** Appends a number. */
  static void append(StringBuilder out, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    int shift = 0;
    while (shift < 30 && value >>> (shift + 5) != 0) {
      shift += 5;
    }
    for (; shift > 0; shift -= 5) {
      out.append(MORE.charAt((value >>> shift) & 31));
    }
    out.append(LAST.charAt(value & 31));
  }

  /** The numbers of a string written by {@link #append}. */
  static List<Integer> decode(String text) {
    List<Integer> values = new ArrayList<>();
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int more = MORE.indexOf(c);
      if (more >= 0) {
        value = value * 32 + more;
        continue;
      }
      int last = LAST.indexOf(c);
      if (last < 0) {
        throw new IllegalArgumentException("not a digit: " + c + " in " + text);
      }
      values.add(value * 32 + last);
      value = 0;
    }
    return values;
  }
}
