package dev.medguide.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class V6LocationTest {
  @Test
  void parsesEachFormAndLabelsItInBothLanguages() {
    V6Location items = V6Location.parse("ops:13-11,13").orElseThrow();
    assertThat(items.label(Language.JA)).isEqualTo("システム運用編 13⑪⑬");
    assertThat(items.label(Language.EN)).isEqualTo("System Operation 13⑪⑬");
    assertThat(items.code()).isEqualTo("ops:13-11,13");
    assertThat(V6Location.parse("mgmt:15").orElseThrow().label(Language.JA)).isEqualTo("企画管理編 15");
    assertThat(V6Location.parse("gov:3.4.1").orElseThrow().chapterKey()).isEqualTo("gov:3");
    assertThat(V6Location.parse("qa:ops-49").orElseThrow().label(Language.EN))
        .isEqualTo("Q&A シQ-49");
    assertThat(V6Location.parse("qa:mgmt-26").orElseThrow().label(Language.JA))
        .isEqualTo("Q&A 企Q-26");
  }

  @Test
  void rejectsMalformedLocations() {
    for (String bad :
        new String[] {"", "mgmt:", "mgmt:15-", "foo:1", "15-2", "qa:49", "ops:13-⑪"}) {
      assertThat(V6Location.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void sameChapterKeyForItemsAndSectionsOfOneChapter() {
    assertThat(V6Location.parse("ops:13-11").orElseThrow().chapterKey())
        .isEqualTo(V6Location.parse("ops:13.4").orElseThrow().chapterKey());
  }
}
