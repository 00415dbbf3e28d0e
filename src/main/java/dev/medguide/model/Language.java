package dev.medguide.model;

import java.util.Arrays;
import java.util.Optional;

/** The languages the site is written in. Each page exists once per language. */
public enum Language {
  JA("ja"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The BCP 47 code used in paths, {@code lang} and {@code hreflang}. */
  public String code() {
    return code;
  }

  public static Optional<Language> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }

  @Override
  public String toString() {
    return code;
  }
}
