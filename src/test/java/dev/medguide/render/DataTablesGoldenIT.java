package dev.medguide.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data tables that {@code templates/data.ftl} renders are the ones the Java code rendered
 * before they moved there: the golden files in {@code src/test/resources/golden/data-tables/} were
 * taken from the mini fixture built at 7b43dfb (the tables as jsoup prints them).
 */
class DataTablesGoldenIT {
  private static final Path GOLDEN =
      TestSites.projectDir().resolve("src/test/resources/golden/data-tables");

  @TempDir Path work;

  @Test
  void theTemplatesRenderTheTablesAsTheJavaCodeDid() throws IOException {
    Path site = work.resolve("site");
    TestSites.build(TestSites.copyFixture("mini", work.resolve("content")), site);
    String[][] tables = {
      {"committee", "div.table-scroll:has(table.committee)"},
      {"crosswalk", "table.crosswalk-matrix"},
      {"glossary", "dl.glossary"}
    };
    for (String lang : new String[] {"ja", "en"}) {
      for (String[] table : tables) {
        Element built =
            TestSites.parse(site.resolve(lang + "/" + table[0] + ".html")).selectFirst(table[1]);
        assertThat(built).as(lang + " " + table[0]).isNotNull();
        Path golden = GOLDEN.resolve(lang + "-" + table[0] + ".html");
        assertThat(built.outerHtml() + "\n")
            .as(lang + " " + table[0])
            .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
      }
    }
  }
}
