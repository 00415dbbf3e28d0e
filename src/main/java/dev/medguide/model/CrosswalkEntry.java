package dev.medguide.model;

import java.util.Optional;

/**
 * One row of the correspondence between the guidelines, from {@code content/data/crosswalk.csv}.
 *
 * @param category the matrix group the row belongs to
 * @param mhlw the MHLW page id; empty for MIC sections new in MIC
 * @param mic the MIC page id; empty for MHLW sections without counterpart
 * @param relation how the two correspond
 * @param confidence how sure the correspondence is
 * @param noteJa a note in Japanese (may be empty)
 * @param noteEn the same note in English (may be empty)
 * @param line the row's line in the data file
 */
public record CrosswalkEntry(
    MeasureCategory category,
    Optional<String> mhlw,
    Optional<String> mic,
    Relation relation,
    Confidence confidence,
    String noteJa,
    String noteEn,
    int line) {

  /** Whether both sides name a page, so the pair can be compared side by side. */
  public boolean isPair() {
    return mhlw.isPresent() && mic.isPresent();
  }

  /** The URL of the side-by-side view of a pair, relative to the site root. */
  public String compareUrl(Language lang) {
    return lang.code() + "/compare/" + mhlw.orElseThrow() + "--" + mic.orElseThrow() + ".html";
  }

  public String note(Language lang) {
    return lang == Language.JA ? noteJa : noteEn;
  }
}
