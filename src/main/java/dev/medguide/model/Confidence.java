package dev.medguide.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How sure a correspondence is: {@code high} when titles and order match one to one, {@code medium}
 * for a strong thematic match, {@code low} for an inference only.
 */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Confidence> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
  }
}
