package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Excerpts of the search API's hits. */
class SnippetMakerTest {
  private final SnippetMaker snippets = new SnippetMaker();

  @Test
  void marksTheWordsAroundTheirFirstPlaceAndEscapes() {
    String html = snippets.snippet("前置き <b> の後に外部保存の説明。外部保存は続く。", Set.of("外部保存"));

    assertThat(html).contains("&lt;b&gt;").contains("<mark>外部保存</mark>の説明。<mark>外部保存</mark>は続く");
  }

  @Test
  void findsWordsFarIntoALongPageAndAcrossTheCutsBetweenPieces() {
    String filler = "あ".repeat(SnippetMaker.PIECE - 2);
    String html = snippets.snippet(filler + "外部保存" + "い".repeat(300), Set.of("外部保存"));

    assertThat(html).startsWith("…").contains("<mark>外部保存</mark>").endsWith("…");
  }

  @Test
  void foldsWidthAndCaseAsTheIndexDoes() {
    assertThat(snippets.snippet("ＰＨＲサービスの話", Set.of("phr"))).isEqualTo("<mark>ＰＨＲ</mark>サービスの話");
  }

  @Test
  void withoutTheWordsThePageStartIsShown() {
    String body = "始まり" + "う".repeat(500);

    assertThat(snippets.snippet(body, Set.of("見つからない"))).startsWith("始まり").endsWith("…");
    assertThat(snippets.snippet(body, Set.of())).startsWith("始まり");
    assertThat(snippets.snippet("", Set.of("x"))).isEmpty();
  }
}
