package dev.medguide.model;

import java.util.Optional;

/**
 * One row of the correspondence between the guidelines, from {@code content/data/crosswalk.csv}.
 *
 * @param mhlw the MHLW page id; empty for MIC sections new in MIC
 * @param mic the MIC page id; empty for MHLW sections without counterpart
 * @param relation how the two correspond
 * @param confidence how sure the correspondence is
 * @param noteJa a note in Japanese (may be empty)
 * @param noteEn the same note in English (may be empty)
 * @param line the row's line in the data file
 */
public record CrosswalkEntry(
    Optional<String> mhlw,
    Optional<String> mic,
    Relation relation,
    Confidence confidence,
    String noteJa,
    String noteEn,
    int line) {

  public String note(Language lang) {
    return lang == Language.JA ? noteJa : noteEn;
  }
}
