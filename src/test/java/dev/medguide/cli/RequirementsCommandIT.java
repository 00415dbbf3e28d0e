package dev.medguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.export.RequirementCatalogue;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.Language;
import dev.medguide.model.Requirement;
import dev.medguide.model.SiteModel;
import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code medguide requirements} on the real content: CSV (with BOM), JSON and XLSX list every
 * requirement, the same rows in each; the workbook is read back with Japanese intact.
 */
class RequirementsCommandIT {
  static final Path CONTENT = TestSites.projectDir().resolve("content");
  static final Path TEMPLATES = TestSites.projectDir().resolve("templates");
  static SiteModel model;

  @TempDir Path work;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void load() {
    model =
        new ContentLoader(
                TestSites.options(CONTENT, Path.of("unused"), EnumSet.allOf(Language.class)))
            .load()
            .model();
  }

  int run(String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of("requirements", "-c", CONTENT.toString(), "-t", TEMPLATES.toString()));
    all.addAll(List.of(args));
    return Main.execute(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        all.toArray(String[]::new));
  }

  static List<String> ids(Language lang) {
    return model.requirements().all(lang).stream().map(Requirement::id).toList();
  }

  @Test
  void csvListsEveryRequirementWithAByteOrderMark() throws Exception {
    assertThat(run("--format", "csv")).as(err.toString(StandardCharsets.UTF_8)).isZero();
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertThat(records)
        .extracting(r -> r.get("id"))
        .isEqualTo(ids(Language.JA))
        .hasSizeGreaterThan(100);
    assertThat(records.get(0).toMap().keySet())
        .containsExactlyElementsOf(RequirementCatalogue.COLUMNS);
    CSVRecord c13 =
        records.stream().filter(r -> r.get("id").equals("mhlw-6.5-C13")).findFirst().orElseThrow();
    assertThat(c13.get("level_label")).isEqualTo("C 最低限");
    assertThat(c13.get("edition_label")).isEqualTo("第5.2版で確認");
    assertThat(c13.get("v6_label")).isEqualTo("企画管理編 15② / システム運用編 14⑤");
    assertThat(c13.get("text")).contains("二要素認証");
    assertThat(c13.get("url")).isEqualTo("ja/mhlw/6.5.html#mhlw-6.5-C13");
    assertThat(records).allSatisfy(r -> assertThat(r.get("edition")).isNotEmpty());
  }

  @Test
  void jsonInEnglishHasTheSameRowsAndTheLinks() throws Exception {
    assertThat(run("--format", "json", "--lang", "en")).isZero();
    List<Map<String, String>> rows =
        new ObjectMapper().readValue(out.toByteArray(), new TypeReference<>() {});
    assertThat(rows)
        .extracting(r -> r.get("id"))
        .isEqualTo(ids(Language.EN))
        .isEqualTo(ids(Language.JA));
    Map<String, String> linked =
        rows.stream().filter(r -> r.get("id").equals("mhlw-6.12-C1")).findFirst().orElseThrow();
    assertThat(linked.get("counterparts")).isEqualTo("mic-3.2.10-mm-3.15-1-1");
    assertThat(linked.get("edition_label")).isEqualTo("Checked in the 5.2 edition");
  }

  @Test
  void xlsxOpensWithEveryRequirementAndJapaneseIntact() throws Exception {
    Path file = work.resolve("requirements.xlsx");
    assertThat(run("--format", "xlsx", "-o", file.toString()))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(ids(Language.JA).size() + " requirements written");
    assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ);
    try (InputStream in = Files.newInputStream(file);
        ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(workbook.getFirstSheet().getName()).isEqualTo("要求事項");
      assertThat(rows.get(0).getCellText(0)).isEqualTo("ID");
      assertThat(rows.get(0).getCellText(12)).isEqualTo("内容");
      assertThat(rows.get(1).getCellText(12)).isEqualTo("text");
      List<Row> data = rows.subList(2, rows.size());
      assertThat(data).extracting(r -> r.getCellText(0)).isEqualTo(ids(Language.JA));
      Row c13 =
          data.stream()
              .filter(r -> r.getCellText(0).equals("mhlw-6.5-C13"))
              .findFirst()
              .orElseThrow();
      assertThat(c13.getCellText(3)).isEqualTo("技術的安全対策");
      assertThat(c13.getCellText(12)).contains("令和9年度", "二要素認証");
    }
  }

  @Test
  void realSiteShowsEveryRequirementOnceInBothLanguagesWithItsEdition() {
    Path site = TestSites.realSite();
    assertThat(ids(Language.EN)).isEqualTo(ids(Language.JA));
    assertThat(ids(Language.JA)).doesNotHaveDuplicates();
    Map<String, Long> byGuideline =
        model.requirements().all(Language.JA).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    r -> r.level().guideline(), java.util.stream.Collectors.counting()));
    System.out.println("requirements per guideline (each language): " + byGuideline);
    assertThat(byGuideline.get("mhlw")).isGreaterThanOrEqualTo(80);
    assertThat(byGuideline.get("mic")).isGreaterThanOrEqualTo(45);
    assertThat(model.requirements().links()).hasSizeGreaterThanOrEqualTo(8);
    for (Language lang : Language.values()) {
      for (Requirement r : model.requirements().all(lang)) {
        String url = model.page(r.pageId(), lang).orElseThrow().url();
        var doc = TestSites.parse(site.resolve(url));
        assertThat(doc.select("[id=" + r.id() + "]")).as(url + "#" + r.id()).hasSize(1);
        var item = doc.getElementById(r.id());
        assertThat(item.selectFirst(".req-edition").text()).as(r.id()).isNotBlank();
        assertThat(item.selectFirst(".req-level").text()).as(r.id()).isNotBlank();
        assertThat(doc.select(".requirements-coverage")).as(url).hasSize(1);
      }
    }
    // The cybersecurity checklist is a list of its own, answered はい / いいえ.
    var cyber = TestSites.parse(site.resolve("ja/checklist/cyber.html"));
    assertThat(cyber.select("tr.checklist-item")).hasSize(byGuideline.get("cyber").intValue());
    assertThat(byGuideline.get("cyber")).isEqualTo(16);
    assertThat(cyber.select("tr.checklist-item").first().select("select option").eachText())
        .containsExactly("未確認", "はい", "いいえ");
    var c13 = TestSites.parse(site.resolve("ja/mhlw/6.5.html")).getElementById("mhlw-6.5-C13");
    assertThat(c13.selectFirst(".req-edition").text()).isEqualTo("第5.2版で確認");
    assertThat(c13.select(".req-v6").eachText()).containsExactly("企画管理編 15②", "システム運用編 14⑤");
  }

  @Test
  void xlsxWithoutAFileIsAUsageError() {
    assertThat(run("--format", "xlsx")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs -o FILE");
    assertThat(out.size()).isZero();
  }
}
