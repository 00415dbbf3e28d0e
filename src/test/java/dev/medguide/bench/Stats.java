package dev.medguide.bench;

import java.util.ArrayList;
import java.util.List;

/** Medians and percentiles of measured values. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    List<Double> sorted = sorted(values);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The nearest-rank percentile: the smallest value with at least {@code p} of values ≤ it. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = sorted(values);
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double max(List<Double> values) {
    return sorted(values).get(values.size() - 1);
  }

  private static List<Double> sorted(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted;
  }
}
