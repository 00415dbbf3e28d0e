package dev.medguide.model;

import java.util.Optional;

/**
 * What kind of item a requirement is. MHLW items carry the guideline's own levels (A 法令上の要求, B 考え方,
 * C 最低限のガイドライン, D 推奨されるガイドライン); provider-side items are either a heading of the サービス仕様適合開示書 or a
 * 対策項目 of the successor guideline.
 */
public enum RequirementLevel implements Coded {
  A("A", "mhlw"),
  B("B", "mhlw"),
  C("C", "mhlw"),
  D("D", "mhlw"),
  DISCLOSURE("disclosure", "mic"),
  MEASURE("measure", "mic"),
  /** An item of the 「医療機関におけるサイバーセキュリティ対策チェックリスト」 (its page {@code cyber}). */
  CHECK("check", "cyber");

  private final String code;
  private final String guideline;

  RequirementLevel(String code, String guideline) {
    this.code = code;
    this.guideline = guideline;
  }

  /** The value written in the content ({@code C}, {@code disclosure}). */
  @Override
  public String code() {
    return code;
  }

  /**
   * The list the level belongs to: the guideline whose pages may use it ({@code mhlw}, {@code
   * mic}), or the page of a checklist of its own ({@code cyber}). Each list has a checklist page.
   */
  public String guideline() {
    return guideline;
  }

  public static Optional<RequirementLevel> fromCode(String code) {
    return Coded.find(values(), code);
  }
}
