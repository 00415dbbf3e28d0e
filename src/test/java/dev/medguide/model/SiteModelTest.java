package dev.medguide.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteModelTest {
  private static Page page(String id, PageKind kind, String guideline, String number) {
    return new Page(
        id,
        Language.JA,
        kind,
        Optional.ofNullable(guideline),
        Optional.ofNullable(number),
        id,
        "",
        "",
        0,
        Path.of(id + ".adoc"),
        "ja/" + id + ".html");
  }

  private final SiteModel model =
      new SiteModel(
          EnumSet.of(Language.JA),
          List.of(
              page("home", PageKind.HOME, null, null),
              page("overview", PageKind.PAGE, null, null),
              page("mhlw", PageKind.GUIDELINE, "mhlw", null),
              page("mhlw-8", PageKind.CHAPTER, "mhlw", "8"),
              page("mhlw-8.4.2", PageKind.SECTION, "mhlw", "8.4.2"),
              page("mhlw-8.1", PageKind.SECTION, "mhlw", "8.1"),
              page("mhlw-8.1.1", PageKind.SECTION, "mhlw", "8.1.1"),
              page("mhlw-10", PageKind.CHAPTER, "mhlw", "10"),
              page("mhlw-9", PageKind.CHAPTER, "mhlw", "9")),
          SiteData.empty());

  private Page get(String id) {
    return model.page(id, Language.JA).orElseThrow();
  }

  @Test
  void sectionWithoutItsDirectParentHangsUnderTheNearestAncestor() {
    assertThat(model.parent(get("mhlw-8.4.2"))).contains(get("mhlw-8"));
    assertThat(model.parent(get("mhlw-8.1.1"))).contains(get("mhlw-8.1"));
  }

  @Test
  void childrenAreInNumericOrder() {
    assertThat(model.children(get("mhlw")).stream().map(Page::id))
        .containsExactly("mhlw-8", "mhlw-9", "mhlw-10");
    assertThat(model.children(get("mhlw-8")).stream().map(Page::id))
        .containsExactly("mhlw-8.1", "mhlw-8.4.2");
  }

  @Test
  void readingOrderIsDepthFirstWithinTheGuideline() {
    assertThat(model.next(get("mhlw-8.1.1"))).contains(get("mhlw-8.4.2"));
    assertThat(model.previous(get("mhlw-9"))).contains(get("mhlw-8.4.2"));
    assertThat(model.previous(get("mhlw"))).isEmpty();
    assertThat(model.next(get("mhlw-10"))).isEmpty();
  }

  @Test
  void ancestorsStartAtHome() {
    assertThat(model.ancestors(get("mhlw-8.1.1")).stream().map(Page::id))
        .containsExactly("home", "mhlw", "mhlw-8", "mhlw-8.1");
  }

  @Test
  void topLevelPagesFollowHome() {
    assertThat(model.next(get("home"))).contains(get("overview"));
    assertThat(model.navigationRoot(get("overview"))).contains(get("home"));
    assertThat(model.navigationRoot(get("mhlw-9"))).contains(get("mhlw"));
  }
}
