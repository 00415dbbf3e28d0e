package dev.medguide.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.medguide.internal.Messages;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.Requirement;
import dev.medguide.model.SiteModel;
import dev.medguide.model.V6Location;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The requirements of the site as a table, one row per requirement of one language, for people who
 * work in spreadsheets or feed a GRC tool: CSV (UTF-8 with a byte-order mark, so Excel reads
 * Japanese), JSON or XLSX.
 */
public final class RequirementCatalogue {
  /** The columns, in order; also the CSV header and the JSON keys. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "guideline",
          "section",
          "section_title",
          "level",
          "level_label",
          "number",
          "edition",
          "edition_label",
          "v6",
          "v6_label",
          "v6_basis",
          "text",
          "url",
          "counterparts",
          "sources");

  private final List<Map<String, String>> rows;
  private final Language lang;
  private final Messages messages;

  private RequirementCatalogue(List<Map<String, String>> rows, Language lang, Messages messages) {
    this.rows = rows;
    this.lang = lang;
    this.messages = messages;
  }

  /** The requirements of {@code lang} in page order, labelled in that language. */
  public static RequirementCatalogue of(SiteModel model, Messages messages, Language lang) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Requirement r : model.requirements().all(lang)) {
      Page page = model.page(r.pageId(), lang).orElseThrow();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("guideline", r.level().guideline());
      row.put("section", page.number().orElse(""));
      row.put("section_title", page.title());
      row.put("level", r.level().code());
      row.put("level_label", messages.get(lang, "req.level." + r.level().code()));
      row.put("number", r.number().orElse(""));
      row.put("edition", r.edition().code());
      row.put("edition_label", messages.get(lang, "req.edition." + r.edition().code()));
      row.put("v6", String.join(";", r.v6().stream().map(V6Location::code).toList()));
      row.put("v6_label", String.join(" / ", r.v6().stream().map(l -> l.label(lang)).toList()));
      row.put("v6_basis", r.basis().map(Requirement.V6Basis::code).orElse(""));
      row.put("text", r.text());
      row.put("url", page.url() + "#" + r.id());
      row.put("counterparts", String.join(" ", model.requirements().counterparts(r.id())));
      row.put("sources", String.join(" ", r.sources()));
      rows.add(row);
    }
    return new RequirementCatalogue(List.copyOf(rows), lang, messages);
  }

  /** The rows, each a map from {@link #COLUMNS} to text. */
  public List<Map<String, String>> rows() {
    return rows;
  }

  /** CSV: a byte-order mark, a header of {@link #COLUMNS}, CRLF line ends (RFC 4180). */
  public void writeCsv(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer =
        new CSVPrinter(
            writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
    for (Map<String, String> row : rows) {
      printer.printRecord(COLUMNS.stream().map(row::get).toList());
    }
    printer.flush();
  }

  /** JSON: an array of objects with the keys of {@link #COLUMNS}. */
  public void writeJson(OutputStream out) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, rows);
  }

  /**
   * XLSX: one sheet, a header row in the language of the rows (the column keys in a second row for
   * tools), then one row per requirement.
   */
  public void writeXlsx(OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "medguide", "1.0");
    Worksheet sheet = workbook.newWorksheet(messages.get(lang, "export.sheet"));
    for (int c = 0; c < COLUMNS.size(); c++) {
      sheet.value(0, c, messages.get(lang, "export.column." + COLUMNS.get(c)));
      sheet.style(0, c).bold().set();
      sheet.value(1, c, COLUMNS.get(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      Map<String, String> row = rows.get(r);
      for (int c = 0; c < COLUMNS.size(); c++) {
        sheet.value(r + 2, c, row.get(COLUMNS.get(c)));
      }
    }
    sheet.freezePane(1, 2);
    workbook.finish();
  }
}
