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

  @Test
  void crosswalkRowsOfAPageAreThoseNamingItOnEitherSideInFileOrder() {
    CrosswalkEntry first = row("mhlw-9", "mic-1", 2);
    CrosswalkEntry unrelated = row("mhlw-10", "mic-2", 3);
    CrosswalkEntry second = row(null, "mhlw-9", 4);
    CrosswalkEntry same = row("mhlw-9", "mhlw-9", 5);
    SiteData data =
        new SiteData(
            List.of(), List.of(), List.of(first, unrelated, second, same), List.of(), List.of());
    SiteModel withRows = new SiteModel(EnumSet.of(Language.JA), model.pages(), data);
    Page page = withRows.page("mhlw-9", Language.JA).orElseThrow();
    assertThat(withRows.crosswalk(page)).containsExactly(first, second, same);
    assertThat(withRows.crosswalk(withRows.page("mhlw-8", Language.JA).orElseThrow())).isEmpty();
  }

  private static CrosswalkEntry row(String mhlw, String mic, int line) {
    return new CrosswalkEntry(
        MeasureCategory.GENERAL,
        Optional.ofNullable(mhlw),
        Optional.ofNullable(mic),
        Relation.SAME,
        Confidence.HIGH,
        "",
        "",
        line);
  }
}
