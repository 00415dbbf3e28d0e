package dev.medguide.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderReaderTest {
  @Test
  void readsTitleAndAttributesWithTheirLines() {
    Header header =
        HeaderReader.read(
            List.of(
                "// comment",
                "= 技術的安全対策",
                ":jbake-id: mhlw-6.5",
                ":jbake-lang: ja",
                "",
                ":not-header: x"));
    assertThat(header.title()).contains("技術的安全対策");
    assertThat(header.titleLine()).isEqualTo(2);
    assertThat(header.value("jbake-id")).contains("mhlw-6.5");
    assertThat(header.line("jbake-lang")).isEqualTo(4);
    assertThat(header.value("not-header")).isEmpty();
  }

  @Test
  void fileWithoutTitleHasNoTitle() {
    Header header = HeaderReader.read(List.of("Just text.", ":jbake-id: x"));
    assertThat(header.title()).isEmpty();
    assertThat(header.attributes()).isEmpty();
  }

  @Test
  void emptyValueAndUnsetAreRead() {
    Header header = HeaderReader.read(List.of("= T", ":jbake-summary:", ":toc!:"));
    assertThat(header.value("jbake-summary")).contains("");
    assertThat(header.attributes()).containsKey("toc!");
  }
}
