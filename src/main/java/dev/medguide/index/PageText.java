package dev.medguide.index;

import dev.medguide.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The searchable text of a rendered page: its title, its section headings and its body text. Line
 * breaks that Asciidoctor keeps inside paragraphs are removed between two Japanese characters
 * (安全管\n理 must stay 安全管理) and become spaces elsewhere.
 *
 * @param title the page's {@code h1}
 * @param headings the page's summary and the body's headings, one per line
 * @param body the body text without headings, one block per line
 */
public record PageText(String title, String headings, String body) {
  private static final String EXCLUDED = "a.heading-anchor, script, style, svg title, svg desc";

  /**
   * The generated parts of requirement items, the same words on every item (level, edition, 第6.0版
   * place, coverage note): not the page's text, or they would outweigh what the page says.
   */
  private static final String GENERATED =
      ".requirement-head, .requirement-meta, .requirements-coverage";

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "dt",
          "dd",
          "td",
          "th",
          "tr",
          "table",
          "section",
          "ul",
          "ol",
          "dl",
          "pre",
          "blockquote",
          "caption",
          "br",
          "text");

  public static PageText of(Document document) {
    Element h1 = document.selectFirst("h1");
    Element body = document.getElementById("page-body");
    if (body == null) {
      return new PageText(h1 == null ? "" : h1.text(), "", "");
    }
    Element copy = body.clone();
    copy.select(EXCLUDED + ", " + GENERATED).remove();
    List<String> headings = new ArrayList<>();
    // The summary under the title (the page's description) is read with the headings.
    Element summary = document.selectFirst(".page-header .summary");
    if (summary != null) {
      headings.add(text(summary).strip());
    }
    for (Element heading : copy.select("h2, h3, h4, h5, h6")) {
      headings.add(text(heading).strip());
      heading.remove();
    }
    return new PageText(
        h1 == null ? "" : text(h1).strip(), String.join("\n", headings), text(copy).strip());
  }

  /**
   * The searchable text of one requirement inside its rendered page: the search document's title,
   * the words that place it (its 第6.0版 locations) as its headings, and its own words as its body.
   *
   * @param document the page the requirement is rendered in
   * @param requirement the requirement's search document (its id is the element's id)
   * @param names the words that place it, one per line
   * @return the text, or empty if the page has no such element
   */
  public static java.util.Optional<PageText> ofRequirement(
      Document document, Page requirement, String names) {
    Element item = document.getElementById(requirement.id());
    if (item == null) {
      return java.util.Optional.empty();
    }
    Element copy = item.clone();
    copy.select(EXCLUDED + ", " + GENERATED).remove();
    return java.util.Optional.of(new PageText(requirement.title(), names, text(copy).strip()));
  }

  /** The element's text, with block boundaries as line breaks and joined Japanese lines. */
  static String text(Element element) {
    StringBuilder out = new StringBuilder();
    element.traverse(
        new org.jsoup.select.NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.getWholeText());
            } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              out.append('\n');
            }
          }
        });
    return clean(out.toString());
  }

  /** Joins lines broken inside Japanese text and collapses the remaining whitespace. */
  static String clean(String raw) {
    String text = raw.replace('\u00a0', ' ');
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
        int j = i;
        boolean newline = false;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
          newline |= text.charAt(j) == '\n' && blockBreak(text, i, j);
          j++;
        }
        char before = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
        char after = j < text.length() ? text.charAt(j) : ' ';
        boolean softBreak = text.substring(i, j).indexOf('\n') >= 0 && !newline;
        boolean joinJapanese =
            softBreak && SearchAnalysis.isJapanese(before) && SearchAnalysis.isJapanese(after);
        if (!joinJapanese && out.length() > 0 && j < text.length()) {
          out.append(newline ? '\n' : ' ');
        }
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Two or more line breaks in a row separate blocks; one is a soft break inside a paragraph. */
  private static boolean blockBreak(String text, int from, int to) {
    int breaks = 0;
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n') {
        breaks++;
      }
    }
    return breaks >= 2;
  }
}
