package dev.medguide.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.Test;

/** The compact posting lists of the static search. */
class PostingCodecTest {
  private static String encode(int... values) {
    StringBuilder out = new StringBuilder();
    for (int value : values) {
      PostingCodec.append(out, value);
    }
    return out.toString();
  }

  @Test
  void smallNumbersTakeOneCharacterAndLargerOnesMore() {
    assertThat(encode(0, 1, 31)).isEqualTo("01V");
    assertThat(encode(32)).isEqualTo("X0");
    assertThat(encode(1023)).isEqualTo("_V");
    assertThat(encode(1024)).isEqualTo("XW0");
  }

  @Test
  void numbersComeBackAsWritten() {
    int[] values = {0, 5, 31, 32, 33, 255, 1000, 1024, 65_535, 1 << 20, Integer.MAX_VALUE};
    List<Integer> expected = new ArrayList<>();
    for (int value : values) {
      expected.add(value);
    }
    assertThat(PostingCodec.decode(encode(values))).isEqualTo(expected);
  }

  @Test
  void negativeNumbersAreRefused() {
    assertThatThrownBy(() -> encode(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aListHoldsDocumentFrequencyThenDocumentGapsFrequenciesAndNorms() {
    String list =
        ExportedPostings.encode(
            List.of(7, 1, 40, 2, 3, 12), 10, new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 10);

    assertThat(PostingCodec.decode(list)).containsExactly(2, 2, 3, 12, 5, 1, 40);
  }

  @Test
  void aLongListKeepsTheDocumentsTheTermWeighsMostInAndCountsThemAll() {
    // 300 documents; the term occurs 1 + (d % 7) times in each, all fields of one length.
    int norm = SmallFloat.intToByte4(20) & 0xff;
    List<Integer> triples = new ArrayList<>();
    float[] priors = new float[300];
    for (int d = 299; d >= 0; d--) {
      triples.addAll(List.of(d, 1 + d % 7, norm));
      priors[d] = 1;
    }
    priors[0] = 100; // a low frequency, but a high prior

    List<Integer> numbers = PostingCodec.decode(ExportedPostings.encode(triples, 20, priors, 43));

    assertThat(numbers.get(0)).isEqualTo(300);
    List<Integer> docs = new ArrayList<>();
    int doc = 0;
    for (int i = 1; i < numbers.size(); i += 3) {
      doc += numbers.get(i);
      docs.add(doc);
      assertThat(numbers.get(i + 1)).isEqualTo(doc == 0 ? 1 : 7);
    }
    assertThat(docs).hasSize(43).isSorted().contains(0);
    assertThat(docs.subList(1, 43)).allSatisfy(d -> assertThat(d % 7).isEqualTo(6));
  }
}
