package dev.medguide.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an item sits in 第6.0版 of the MHLW guideline: a part and, in it, a chapter with its 遵守事項
 * numbers ({@code mgmt:15-2}), a section number ({@code gov:3.4.1}) or a Q&amp;A item ({@code
 * qa:ops-49}).
 *
 * @param part the part of 第6.0版
 * @param chapter the chapter or section number ({@code 15}, {@code 3.4.1}); for Q&amp;A the part
 *     the question belongs to ({@code ops})
 * @param items the 遵守事項 numbers in the chapter, or the Q&amp;A number; may be empty
 */
public record V6Location(Part part, String chapter, List<Integer> items) {

  private static final Pattern CHAPTER =
      Pattern.compile("(gov|mgmt|ops|overview):(\\d+(?:\\.\\d+)*)(?:-(\\d+(?:,\\d+)*))?");
  private static final Pattern QA = Pattern.compile("qa:(gov|mgmt|ops)-(\\d+)");
  private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

  /** The parts of 第6.0版, with the code used in the content. */
  public enum Part {
    OVERVIEW("overview", "概説編", "Overview"),
    GOV("gov", "経営管理編", "Governance"),
    MGMT("mgmt", "企画管理編", "Management"),
    OPS("ops", "システム運用編", "System Operation"),
    QA("qa", "Q&A", "Q&A");

    private final String code;
    private final String ja;
    private final String en;

    Part(String code, String ja, String en) {
      this.code = code;
      this.ja = ja;
      this.en = en;
    }

    public String code() {
      return code;
    }

    String name(Language lang) {
      return lang == Language.JA ? ja : en;
    }

    static Part of(String code) {
      return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElseThrow();
    }
  }

  /** The location written as {@code mgmt:15-2}, or empty if it has another form. */
  public static Optional<V6Location> parse(String text) {
    Matcher qa = QA.matcher(text);
    if (qa.matches()) {
      return Optional.of(
          new V6Location(Part.QA, qa.group(1), List.of(Integer.parseInt(qa.group(2)))));
    }
    Matcher m = CHAPTER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Integer> items =
        m.group(3) == null
            ? List.of()
            : Arrays.stream(m.group(3).split(",")).map(Integer::parseInt).toList();
    return Optional.of(new V6Location(Part.of(m.group(1)), m.group(2), items));
  }

  /** The form written in the content. */
  public String code() {
    if (part == Part.QA) {
      return "qa:" + chapter + "-" + items.get(0);
    }
    String rest =
        items.isEmpty() ? "" : "-" + String.join(",", items.stream().map(String::valueOf).toList());
    return part.code + ":" + chapter + rest;
  }

  /**
   * The part and chapter ({@code mgmt:15}): two items share a location when these agree. A section
   * number counts by its chapter ({@code ops:13.4} → {@code ops:13}).
   */
  public String chapterKey() {
    int dot = chapter.indexOf('.');
    return part.code + ":" + (dot < 0 ? chapter : chapter.substring(0, dot));
  }

  /** How readers see it: {@code 企画管理編 15②}, {@code Q&A シQ-49}. */
  public String label(Language lang) {
    if (part == Part.QA) {
      String prefix = Part.of(chapter).ja.substring(0, 1);
      return "Q&A " + prefix + "Q-" + items.get(0);
    }
    StringBuilder label = new StringBuilder(part.name(lang)).append(' ').append(chapter);
    items.forEach(i -> label.append(circled(i)));
    return label.toString();
  }

  private static String circled(int n) {
    return n >= 1 && n <= CIRCLED.length() ? String.valueOf(CIRCLED.charAt(n - 1)) : "(" + n + ")";
  }
}
