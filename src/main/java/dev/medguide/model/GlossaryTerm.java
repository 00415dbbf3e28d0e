package dev.medguide.model;

import java.util.List;

/**
 * One glossary term, from {@code content/data/glossary.csv}.
 *
 * @param id the anchor id on the glossary page, the same in every language
 * @param ja the Japanese term
 * @param reading its reading in kana
 * @param en the English term
 * @param variants other spellings and notations that mean the same term
 * @param definitionJa the definition in Japanese
 * @param definitionEn the definition in English
 * @param pages ids of the pages where the term matters
 * @param noteJa a caveat in Japanese (may be empty)
 * @param noteEn the same caveat in English (may be empty)
 * @param line the row's line in the data file
 */
public record GlossaryTerm(
    String id,
    String ja,
    String reading,
    String en,
    List<String> variants,
    String definitionJa,
    String definitionEn,
    List<String> pages,
    String noteJa,
    String noteEn,
    int line) {

  public String definition(Language lang) {
    return lang == Language.JA ? definitionJa : definitionEn;
  }

  public String note(Language lang) {
    return lang == Language.JA ? noteJa : noteEn;
  }
}
