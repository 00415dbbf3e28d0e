package dev.medguide.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value written in the content as a short code ({@code C}, {@code 5.2-draft}, {@code partial}).
 */
public interface Coded {
  /** The code as written in the content. */
  String code();

  /** The value among {@code values} whose code is {@code code}. */
  static <T extends Coded> Optional<T> find(T[] values, String code) {
    return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst();
  }
}
