package dev.medguide.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The static search's {@code normalize} is NFKC, ignorables removed, lower case, a table of the
 * case foldings that lower case misses, NFKC again. This test derives that table from ICU's
 * NFKC_Casefold (what Lucene's {@code nfkc_cf} filter applies on the Java side) over every assigned
 * code point and checks that {@code engine.js} holds it; {@code -Dmedguide.updateGolden=true}
 * writes it there after an ICU upgrade. The golden rows of {@link AnalysisGoldenTest} then check
 * the JavaScript result itself.
 */
class NormalizationTableTest {
  private static final Path ENGINE =
      TestSites.projectDir().resolve("templates/static/assets/search/engine.js");
  private static final String START = "  // <folds>\n";
  private static final String END = "  // </folds>\n";

  private static final Normalizer2 CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final UnicodeSet IGNORABLE =
      new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();

  @Test
  void theEngineHoldsTheFoldingsThatLowerCaseMisses() throws IOException {
    Map<Integer, String> folds = folds();
    assertThat(folds)
        .as("ß, final sigma, iota subscript, Cherokee")
        .containsEntry((int) 'ß', "ss")
        .containsEntry((int) 'ς', "σ")
        .containsEntry(0x1FB3, "αι")
        .containsEntry(0xAB70, "Ꭰ");
    String engine = Files.readString(ENGINE, StandardCharsets.UTF_8);
    int start = engine.indexOf(START);
    int end = engine.indexOf(END);
    assertThat(start).as("markers in engine.js").isNotNegative().isLessThan(end);
    String expected = block(folds);
    if (Boolean.getBoolean("medguide.updateGolden")) {
      engine = engine.substring(0, start + START.length()) + expected + engine.substring(end);
      Files.writeString(ENGINE, engine, StandardCharsets.UTF_8);
      end = engine.indexOf(END);
    }
    assertThat(engine.substring(start + START.length(), end))
        .as("engine.js FOLDS (run with -Dmedguide.updateGolden=true to write it)")
        .isEqualTo(expected);
  }

  /**
   * Every code point whose lower case (after NFKC, without ignorables) does not give its NFKC case
   * folding: the lower-case character and what it folds to. Keys that ICU calls upper case are
   * skipped: they only mean that this JVM's Unicode is older than ICU's, and a browser lowers them.
   */
  private static Map<Integer, String> folds() {
    Map<Integer, String> folds = new TreeMap<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (!UCharacter.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) {
        continue;
      }
      String text = new String(Character.toChars(cp));
      String lower = lower(text);
      String wanted = CASEFOLD.normalize(text);
      if (NFKC.normalize(apply(folds, lower)).equals(wanted)) {
        continue;
      }
      if (lower.codePointCount(0, lower.length()) == 1
          && !UCharacter.isUUppercase(lower.codePointAt(0))) {
        folds.put(lower.codePointAt(0), wanted);
      }
    }
    return folds;
  }

  /** NFKC, ignorables removed, lower case: the engine's steps before the table. */
  private static String lower(String text) {
    StringBuilder kept = new StringBuilder();
    NFKC.normalize(text)
        .codePoints()
        .filter(c -> !IGNORABLE.contains(c))
        .forEach(kept::appendCodePoint);
    return kept.toString().toLowerCase(Locale.ROOT);
  }

  private static String apply(Map<Integer, String> folds, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(c -> out.append(folds.getOrDefault(c, new String(Character.toChars(c)))));
    return out.toString();
  }

  /** The table as the lines of engine.js between the markers, every non-ASCII character escaped. */
  private static String block(Map<Integer, String> folds) {
    StringBuilder js = new StringBuilder("  var FOLDS = {");
    int column = 0;
    for (Map.Entry<Integer, String> fold : folds.entrySet()) {
      js.append(column++ % 3 == 0 ? "\n    " : " ")
          .append(quote(new String(Character.toChars(fold.getKey()))))
          .append(": ")
          .append(quote(fold.getValue()))
          .append(',');
    }
    js.setLength(js.length() - 1);
    return js.append("\n  };\n").toString();
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      quoted.append(
          c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
              ? String.valueOf(c)
              : String.format("\\u%04x", (int) c));
    }
    return quoted.append('"').toString();
  }
}
