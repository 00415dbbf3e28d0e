package dev.medguide.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The static search's filter of lexicon spellings. */
class SpellingFilterTest {
  private static List<String> words(String prefix, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(prefix + Integer.toString(i * 7919, 36) + "情報");
    }
    return words;
  }

  @Test
  void everySpellingAddedIsFoundAndOthersAlmostNever() {
    List<String> added = words("医療", 10_000);
    SpellingFilter filter = new SpellingFilter(added);

    assertThat(added).allMatch(filter::mightContain);
    long falsePositives = words("安全", 200_000).stream().filter(filter::mightContain).count();
    assertThat(falsePositives).isLessThanOrEqualTo(3);
  }

  @Test
  void theBitsAreWrittenSixToACharacter() {
    SpellingFilter filter = new SpellingFilter(List.of("外部保存"));
    String encoded = filter.encoded();

    assertThat(encoded).hasSize(filter.size() / 6).matches("[A-Za-z0-9+/]+");
    for (int probe = 0; probe < SpellingFilter.PROBES; probe++) {
      int bit = SpellingFilter.index("外部保存", probe, filter.size());
      int value = SpellingFilter.ALPHABET.indexOf(encoded.charAt(bit / 6));
      assertThat(value & (1 << (bit % 6))).isNotZero();
    }
  }
}
