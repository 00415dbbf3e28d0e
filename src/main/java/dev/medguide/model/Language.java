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

  /**
   * The language a query is evidently written in: Japanese if it contains kana or kanji, else none
   * (Latin-script words occur in both languages).
   */
  public static Optional<Language> ofQuery(String query) {
    boolean japanese =
        query
            .codePoints()
            .anyMatch(
                c -> {
                  Character.UnicodeScript script = Character.UnicodeScript.of(c);
                  return script == Character.UnicodeScript.HAN
                      || script == Character.UnicodeScript.HIRAGANA
                      || script == Character.UnicodeScript.KATAKANA;
                });
    return japanese ? Optional.of(JA) : Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
