package dev.medguide.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces a page's text is exported in for the static search's snippets. */
class TextChunksTest {
  @Test
  void shortTextIsOnePiece() {
    assertThat(TextChunks.chunks("")).containsExactly("");
    assertThat(TextChunks.chunks("短い本文です。")).containsExactly("短い本文です。");
  }

  @Test
  void longTextIsCutAtLineEndsIntoBoundedPiecesThatJoinBackToIt() {
    StringBuilder text = new StringBuilder();
    for (int line = 0; text.length() < 10_000; line++) {
      text.append("第").append(line).append("行：医療情報システムの安全管理に関する記述です。\n");
    }
    List<String> chunks = TextChunks.chunks(text.toString());

    assertThat(chunks).hasSizeGreaterThan(5);
    assertThat(String.join("", chunks)).isEqualTo(text.toString());
    assertThat(chunks.get(0).length()).isLessThanOrEqualTo(500);
    assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(1500));
    assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c).endsWith("\n"));
  }

  @Test
  void textWithoutLineEndsIsCutWithoutSplittingACharacter() {
    String text = "𠮷".repeat(2000); // each a surrogate pair
    List<String> chunks = TextChunks.chunks(text);

    assertThat(String.join("", chunks)).isEqualTo(text);
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(c.length()).isLessThanOrEqualTo(1500);
              assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
            });
  }
}
