package dev.medguide.render;

import static org.jsoup.nodes.Entities.escape;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.MeasureCategory;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.util.List;
import java.util.Optional;

/**
 * The correspondence matrix: both guidelines' outlines side by side, one row per crosswalk entry,
 * grouped by measure category. Every section is a link, and every pair's relation links to its
 * side-by-side view. On a narrow screen the stylesheet stacks each row.
 */
final class CrosswalkMatrix {
  private final SiteModel model;
  private final Messages messages;
  private final PageLabels labels;

  CrosswalkMatrix(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
  }

  String html(Page page) {
    Language lang = page.lang();
    String mhlw = messages.get(lang, "related.mhlw");
    String mic = messages.get(lang, "related.mic");
    String relation = messages.get(lang, "matrix.relation");
    StringBuilder html =
        new StringBuilder("<table class=\"tableblock crosswalk-matrix\">\n<caption>")
            .append(escape(messages.get(lang, "matrix.caption")))
            .append("</caption>\n<thead><tr>")
            .append("<th scope=\"col\">")
            .append(escape(mhlw))
            .append("</th>")
            .append("<th scope=\"col\">")
            .append(escape(relation))
            .append("</th>")
            .append("<th scope=\"col\">")
            .append(escape(mic))
            .append("</th></tr></thead>\n");
    for (MeasureCategory category : MeasureCategory.values()) {
      List<CrosswalkEntry> rows =
          model.data().crosswalk().stream().filter(e -> e.category() == category).toList();
      if (rows.isEmpty()) {
        continue;
      }
      html.append("<tbody id=\"category-")
          .append(category.code())
          .append("\">\n<tr class=\"matrix-category\"><th colspan=\"3\" scope=\"colgroup\">")
          .append(escape(messages.get(lang, "category." + category.code())))
          .append("</th></tr>\n");
      for (CrosswalkEntry row : rows) {
        html.append("<tr class=\"relation-")
            .append(row.relation().code())
            .append("\">")
            .append(cell(page, row.mhlw(), mhlw, row))
            .append(relationCell(page, row, relation))
            .append(cell(page, row.mic(), mic, row))
            .append("</tr>\n");
      }
      html.append("</tbody>\n");
    }
    return html.append("</table>\n").toString();
  }

  private String cell(Page from, Optional<String> id, String heading, CrosswalkEntry row) {
    String open = "<td data-label=\"" + escape(heading) + "\">";
    Optional<Page> target = id.flatMap(i -> model.page(i, from.lang()));
    if (target.isEmpty()) {
      return open
          + "<span class=\"matrix-none\">"
          + escape(messages.get(from.lang(), "relation." + row.relation().code()))
          + "</span></td>";
    }
    return open
        + "<a href=\""
        + escape(Urls.relative(from.url(), target.get().url()))
        + "\">"
        + escape(labels.label(target.get()))
        + "</a></td>";
  }

  private String relationCell(Page from, CrosswalkEntry row, String heading) {
    Language lang = from.lang();
    String text =
        escape(messages.get(lang, "relation." + row.relation().code()))
            + " <span class=\"confidence confidence-"
            + row.confidence().code()
            + "\">"
            + escape(messages.get(lang, "confidence." + row.confidence().code()))
            + "</span>";
    String note =
        row.note(lang).isEmpty()
            ? ""
            : "<span class=\"related-note\">" + escape(row.note(lang)) + "</span>";
    boolean comparable =
        row.isPair()
            && model.page(row.mhlw().get(), lang).isPresent()
            && model.page(row.mic().get(), lang).isPresent();
    String body =
        comparable
            ? "<a class=\"compare-link\" href=\""
                + escape(Urls.relative(from.url(), row.compareUrl(lang)))
                + "\">"
                + text
                + "</a>"
            : text;
    return "<td class=\"matrix-relation\" data-label=\""
        + escape(heading)
        + "\">"
        + body
        + note
        + "</td>";
  }
}
