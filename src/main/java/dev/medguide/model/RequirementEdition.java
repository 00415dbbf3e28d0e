package dev.medguide.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The edition in which a requirement's wording (and its number) was seen. Shown with every item, so
 * a number from 第5.2版 is never read as the 第5版 number.
 */
public enum RequirementEdition implements Coded {
  V5("5"),
  V5_1("5.1"),
  V5_2("5.2"),
  V5_2_DRAFT("5.2-draft"),
  V6_0("6.0"),
  OLDER("older"),
  MIC_1("mic-1"),
  V1_TEMPLATE("v1-template"),
  SUCCESSOR_1_1("successor-1.1"),
  /** 「医療機関におけるサイバーセキュリティ対策チェックリスト」 令和5年度版, 令和6年度版, 令和7年度版 and its draft. */
  R5("r5"),
  R6("r6"),
  R7("r7"),
  R7_DRAFT("r7-draft");

  private final String code;

  RequirementEdition(String code) {
    this.code = code;
  }

  /** The value written in the content. */
  @Override
  public String code() {
    return code;
  }

  public static Optional<RequirementEdition> fromCode(String code) {
    return Coded.find(values(), code);
  }

  /** The codes, for messages. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(RequirementEdition::code).toList());
  }
}
