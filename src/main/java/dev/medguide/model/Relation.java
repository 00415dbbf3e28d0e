package dev.medguide.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a section of one guideline corresponds to a section of the other. */
public enum Relation {
  /** Both sections cover the same topic. */
  SAME,
  /** The sections overlap in part. */
  PARTIAL,
  /** The MIC section only explains the MHLW section (3.3.1～3.3.4). */
  EXPLANATION,
  /** The MIC section is new and has no MHLW counterpart (「新設」). */
  NEW,
  /** The MHLW section has no MIC counterpart. */
  NONE;

  /** The code used in {@code crosswalk.csv}: {@code same}, {@code partial} … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Relation> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
