package dev.medguide.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  @Test
  void decodesUtf8AndDropsTheByteOrderMark() {
    Utf8Reader.Result result =
        Utf8Reader.decode("\uFEFF= 見読性\n本文\n".getBytes(StandardCharsets.UTF_8));
    assertThat(result.ok()).isTrue();
    assertThat(result.lines()).containsExactly("= 見読性", "本文");
  }

  @Test
  void reportsTheLineOfTheFirstMalformedByte() {
    byte[] shiftJis = "= 題\n一行目\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
    Utf8Reader.Result result = Utf8Reader.decode(shiftJis);
    assertThat(result.ok()).isFalse();
    assertThat(result.badLine()).isEqualTo(1);
    byte[] later = {'a', '\n', 'b', '\n', (byte) 0xC3, '\n'};
    assertThat(Utf8Reader.decode(later).badLine()).isEqualTo(3);
  }
}
