package dev.medguide.model;

/**
 * A row of {@code content/data/requirement-links.csv}: a provider-side item that answers an MHLW
 * item.
 *
 * @param mhlw the MHLW requirement id
 * @param provider the MIC page's requirement id
 * @param basis why they are linked
 * @param noteJa the note in Japanese, may be empty
 * @param noteEn the note in English, may be empty
 * @param line the row's line in the file
 */
public record RequirementLink(
    String mhlw, String provider, Basis basis, String noteJa, String noteEn, int line) {

  /** Why two items are linked. */
  public enum Basis implements Coded {
    /** Both sit at the same 第6.0版 location. */
    SAME_V6("6.0"),
    /** The MHLW item names the provider's document. */
    NAMED("named");

    private final String code;

    Basis(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    public static java.util.Optional<Basis> fromCode(String code) {
      return Coded.find(values(), code);
    }
  }

  public String note(Language lang) {
    return lang == Language.JA ? noteJa : noteEn;
  }
}
