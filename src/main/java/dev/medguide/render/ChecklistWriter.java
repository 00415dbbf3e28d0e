package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.export.ReproducibleXlsx;
import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirement;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the self-assessment checklist of each guideline that has requirements, {@code
 * {lang}/checklist/mhlw.html}: every requirement by section, with a status, dates and a note kept
 * in the browser by {@code assets/checklist.js}, CSV export and import. Beside it, {@code
 * mhlw.xlsx}: the same rows as a blank workbook to fill in Excel (written here with fastexcel, so
 * the site ships no spreadsheet library).
 */
final class ChecklistWriter {
  /**
   * The statuses an item can have, in the order offered: a guideline's items are implemented, not
   * or not applicable; the cybersecurity checklist is answered はい / いいえ.
   */
  static List<String> statuses(String list) {
    return list.equals("cyber") ? List.of("yes", "no") : List.of("done", "notyet", "na");
  }

  private final SiteModel model;
  private final Messages messages;
  private final PageLabels labels;

  ChecklistWriter(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
  }

  /** The guidelines that have a checklist in {@code lang}: those with requirements. */
  List<String> guidelines(Language lang) {
    Set<String> found = new LinkedHashSet<>();
    model.requirements().all(lang).forEach(r -> found.add(r.level().guideline()));
    return List.copyOf(found);
  }

  /** The URL of a checklist page. */
  static String url(Language lang, String guideline) {
    return lang.code() + "/checklist/" + guideline + ".html";
  }

  /**
   * Writes one guideline's checklist page and workbook.
   *
   * @param standalone the layout's view keys for the page (root, home, alternates, breadcrumbs)
   */
  void write(
      Path siteDir,
      Language lang,
      String guideline,
      Map<String, Object> standalone,
      StandaloneTemplates templates,
      Problems problems) {
    String url = url(lang, guideline);
    Map<String, Object> view = new LinkedHashMap<>(standalone);
    view.put("label", messages.get(lang, "checklist.title." + guideline));
    view.put("guideline", guideline);
    model
        .guideline(guideline, lang)
        .map(g -> g.title())
        .or(() -> model.page(guideline, lang).map(Page::title))
        .ifPresent(title -> view.put("guidelineTitle", title));
    List<Map<String, Object>> sections = sections(lang, guideline, url);
    view.put("sections", sections);
    view.put("count", sections.stream().mapToInt(s -> ((List<?>) s.get("items")).size()).sum());
    view.put("statuses", statuses(guideline));
    view.put(
        "levels",
        sections.stream()
            .flatMap(s -> ((List<?>) s.get("items")).stream())
            .map(i -> ((Map<?, ?>) i).get("level"))
            .distinct()
            .toList());
    view.put("xlsxUrl", guideline + ".xlsx");
    view.put(
        "others",
        guidelines(lang).stream()
            .filter(g -> !g.equals(guideline))
            .map(
                g ->
                    Map.of("url", g + ".html", "label", messages.get(lang, "checklist.title." + g)))
            .toList());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("page", view);
    data.put("t", messages.ui(lang));
    templates.render("checklist.ftl", data, siteDir.resolve(url), problems);
    writeWorkbook(siteDir.resolve(url).resolveSibling(guideline + ".xlsx"), lang, sections);
  }

  private List<Map<String, Object>> sections(Language lang, String guideline, String url) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    for (Requirement r : model.requirements().all(lang)) {
      if (!r.level().guideline().equals(guideline)) {
        continue;
      }
      Page page = model.page(r.pageId(), lang).orElseThrow();
      Map<String, Object> section =
          sections.computeIfAbsent(
              page.id(),
              id -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", id);
                s.put("label", labels.label(page));
                s.put("url", Urls.relative(url, page.url()));
                s.put("items", new ArrayList<Map<String, Object>>());
                return s;
              });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) section.get("items");
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", r.id());
      item.put("level", r.level().code());
      item.put("number", r.number().orElse(""));
      item.put("edition", r.edition().code());
      item.put("text", r.text());
      item.put("url", Urls.relative(url, page.url()) + "#" + r.id());
      item.put("fingerprint", fingerprint(r));
      item.put("section", labels.label(page));
      items.add(item);
    }
    return List.copyOf(sections.values());
  }

  /** Changes when the item's attributes or text change, so the page can flag a stale status. */
  static String fingerprint(Requirement r) {
    CRC32 crc = new CRC32();
    crc.update((r.signature() + "\n" + r.text()).getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  /** The blank workbook: one row per item, the status, date and note columns to fill in. */
  private void writeWorkbook(Path file, Language lang, List<Map<String, Object>> sections) {
    List<String> columns =
        List.of("id", "section", "level", "number", "text", "status", "checked", "target", "note");
    try {
      Files.createDirectories(file.getParent());
      ReproducibleXlsx.write(
          out -> {
            Workbook workbook = new Workbook(out, "medguide", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.get(lang, "checklist.sheet"));
            for (int c = 0; c < columns.size(); c++) {
              sheet.value(0, c, messages.get(lang, "checklist.column." + columns.get(c)));
              sheet.style(0, c).bold().set();
            }
            int row = 1;
            for (Map<String, Object> section : sections) {
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> items = (List<Map<String, Object>>) section.get("items");
              for (Map<String, Object> item : items) {
                sheet.value(row, 0, (String) item.get("id"));
                sheet.value(row, 1, (String) item.get("section"));
                sheet.value(row, 2, messages.get(lang, "req.level." + item.get("level")));
                sheet.value(row, 3, (String) item.get("number"));
                sheet.value(row, 4, (String) item.get("text"));
                row++;
              }
            }
            sheet.freezePane(1, 1);
            workbook.finish();
          },
          file);
    } catch (IOException e) {
      throw new BuildException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
