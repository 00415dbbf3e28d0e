package dev.medguide.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of the correspondence matrix, in the order the matrix shows them: the general
 * chapters, then the measure categories of MHLW chapter 6 / MIC 3.2, external storage, end of
 * service, and the services new in MIC.
 */
public enum MeasureCategory {
  GENERAL,
  ORGANIZATIONAL,
  PHYSICAL,
  TECHNICAL,
  HUMAN,
  DISPOSAL,
  MAINTENANCE,
  OFF_SITE,
  EMERGENCY,
  EXCHANGE,
  SIGNATURE,
  STORAGE,
  TERMINATION,
  NEW_SERVICES;

  /** The code used in {@code crosswalk.csv}: {@code off-site}, {@code new-services} … */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<MeasureCategory> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
  }
}
