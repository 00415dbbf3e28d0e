package dev.medguide.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One requirement as written in a page: an item a reader checks off, cites or links to.
 *
 * @param id stable id, the page id plus the item ({@code mhlw-6.5-C13}); also its anchor
 * @param pageId the page it is written in
 * @param lang the language of the page
 * @param level its level
 * @param number the item number as printed in {@code edition}, if known
 * @param edition where the item was seen
 * @param v6 where it sits in 第6.0版, possibly none
 * @param basis how the 第6.0版 locations are known; present exactly when there are locations
 * @param sources the brief's source ids
 * @param body the block's AsciiDoc lines
 * @param file the page file, for messages
 * @param line the line of the block's attribute list
 */
public record Requirement(
    String id,
    String pageId,
    Language lang,
    RequirementLevel level,
    Optional<String> number,
    RequirementEdition edition,
    List<V6Location> v6,
    Optional<V6Basis> basis,
    List<String> sources,
    List<String> body,
    Path file,
    int line) {

  /** How a 第6.0版 location is known. */
  public enum V6Basis implements Coded {
    TABLE("table"),
    DRAFT("draft"),
    INFERRED("inferred"),
    /** Given by the cybersecurity checklist's manual for its item. */
    MANUAL("manual");

    private final String code;

    V6Basis(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    public static Optional<V6Basis> fromCode(String code) {
      return Coded.find(values(), code);
    }
  }

  /**
   * The body as plain text: list markers, emphasis and line breaks removed. For exports and search,
   * where no AsciiDoc is rendered.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (String line : body) {
      String plain =
          line.strip()
              .replaceFirst("^([*.]+|-)\\s+", "")
              .replaceAll("\\*\\*|__|`|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])", "");
      if (plain.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(lang == Language.JA ? "" : " ");
      }
      out.append(plain);
    }
    return out.toString();
  }

  /** The fields that must be the same in both languages, for comparing them. */
  public String signature() {
    return String.join(
        " | ",
        id,
        level.code(),
        number.orElse("-"),
        edition.code(),
        String.join(";", v6.stream().map(V6Location::code).toList()),
        basis.map(V6Basis::code).orElse("-"),
        String.join(" ", sources));
  }
}
