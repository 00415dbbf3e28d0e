package dev.medguide.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SectionNumbersTest {
  @Test
  void ordersNumericallyWithTheAnnexLast() {
    List<String> sorted =
        Stream.of("annex", "6.10", "3.3.5", "6.9", "10", "3.3.1-3.3.4", "6", "3.3")
            .sorted(SectionNumbers.ORDER)
            .toList();
    assertThat(sorted)
        .containsExactly("3.3", "3.3.1-3.3.4", "3.3.5", "6", "6.9", "6.10", "10", "annex");
  }

  @Test
  void parentCandidateDropsTheLastComponent() {
    assertThat(SectionNumbers.parentCandidate("8.4.2")).contains("8.4");
    assertThat(SectionNumbers.parentCandidate("3.3.1-3.3.4")).contains("3.3");
    assertThat(SectionNumbers.parentCandidate("6")).isEmpty();
  }

  @Test
  void recognisesChaptersSectionsAndOtherNames() {
    assertThat(SectionNumbers.isChapter("6")).isTrue();
    assertThat(SectionNumbers.isChapter("6.5")).isFalse();
    assertThat(SectionNumbers.isNumber("3.3.1-3.3.4")).isTrue();
    assertThat(SectionNumbers.isNumber("annex")).isFalse();
  }

  @Test
  void displaysRangesWithTheLanguagesDash() {
    assertThat(SectionNumbers.display("3.3.1-3.3.4", Language.JA)).isEqualTo("3.3.1～3.3.4");
    assertThat(SectionNumbers.display("3.3.1-3.3.4", Language.EN)).isEqualTo("3.3.1–3.3.4");
  }
}
