package dev.medguide.render;

import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Raw HTML in pages. By default it is a content problem: a passthrough block ({@code ++++}, a
 * {@code [pass]} paragraph) or a block whose substitutions leave out special characters is found on
 * the Asciidoctor AST (the {@link Blocks} tree processor); inline passthroughs ({@code pass:[…]},
 * {@code +++…+++}) by the load stage (SourceLimits); and every page's converted body is checked
 * against a safelist of exactly the elements and attributes that Asciidoctor's converter and
 * medguide's templates emit ({@link #check}), which catches whatever else gets through.
 *
 * <p>A page whose header sets {@code :medguide-allow-html:} may use passthrough blocks; its body is
 * then checked against the safelist plus {@link #OPT_IN}: more HTML text elements and the SVG of
 * diagrams, with their presentation attributes. Never allowed: scripts, styles, event handlers,
 * style attributes (except the width Asciidoctor writes on columns), forms, frames, objects, meta,
 * base, links to stylesheets.
 */
final class RawHtmlPolicy {
  /** The page attribute that allows raw HTML on a page (see the class comment). */
  static final String ALLOW = "medguide-allow-html";

  /** The attribute of passthrough blocks medguide's own extensions make (data tables, items). */
  static final String GENERATED = "medguide-generated";

  /** Elements Asciidoctor's HTML converter and medguide's templates emit in a page body. */
  private static final Set<String> CONVERTER =
      Set.of(
          "a",
          "blockquote",
          "br",
          "caption",
          "cite",
          "code",
          "col",
          "colgroup",
          "dd",
          "del",
          "details",
          "div",
          "dl",
          "dt",
          "em",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "img",
          "kbd",
          "li",
          "mark",
          "ol",
          "p",
          "pre",
          "section",
          "span",
          "strong",
          "sub",
          "summary",
          "sup",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul",
          "b",
          "i",
          "s",
          "u",
          "small",
          "ins");

  /** Attributes those elements carry (any element). */
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "id",
          "class",
          "role",
          "lang",
          "title",
          "href",
          "src",
          "alt",
          "width",
          "height",
          "start",
          "reversed",
          "type",
          "colspan",
          "rowspan",
          "scope",
          "tabindex",
          "open",
          "data-label",
          "data-lang",
          "rel",
          "target",
          "aria-label",
          "aria-labelledby",
          "aria-describedby",
          "aria-hidden");

  /** What a page with {@link #ALLOW} may add: text elements and the SVG of diagrams. */
  static final Set<String> OPT_IN =
      Set.of(
          "abbr",
          "dfn",
          "figure",
          "figcaption",
          "q",
          "samp",
          "time",
          "var",
          "svg",
          "g",
          "title",
          "desc",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "path",
          "text",
          "tspan",
          "defs",
          "marker",
          "use");

  /** Presentation attributes of SVG (no href, no style, no event handlers). */
  private static final Set<String> SVG_ATTRIBUTES =
      Set.of(
          "xmlns",
          "viewbox",
          "x",
          "y",
          "x1",
          "y1",
          "x2",
          "y2",
          "cx",
          "cy",
          "r",
          "rx",
          "ry",
          "points",
          "d",
          "fill",
          "stroke",
          "stroke-width",
          "stroke-dasharray",
          "stroke-linecap",
          "stroke-linejoin",
          "font-family",
          "font-size",
          "font-weight",
          "text-anchor",
          "dominant-baseline",
          "transform",
          "opacity",
          "fill-opacity",
          "marker-end",
          "marker-start",
          "markerwidth",
          "markerheight",
          "refx",
          "refy",
          "orient",
          "preserveaspectratio",
          "dx",
          "dy",
          "datetime");

  private static final Pattern COLUMN_WIDTH = Pattern.compile("width:\\s*[0-9.]+%;?");
  private static final Pattern SAFE_URL =
      Pattern.compile("^(?!\\s*(javascript|vbscript|data)\\s*:).*", Pattern.CASE_INSENSITIVE);

  private RawHtmlPolicy() {}

  /** Whether a page (its converted document) allows raw HTML. */
  static boolean allowed(Document document) {
    return document.hasAttribute(ALLOW);
  }

  /**
   * Reports what in a page's converted body is not allowed, each element or attribute once, at the
   * first source line that contains it.
   */
  static void check(SourceFile source, String html, boolean allowHtml, Problems problems) {
    Set<String> found = new LinkedHashSet<>();
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String tag = element.normalName();
      if (tag.equals("body")) {
        continue;
      }
      boolean optIn = allowHtml && OPT_IN.contains(tag);
      if (!CONVERTER.contains(tag) && !optIn) {
        found.add("<" + tag + ">");
        continue;
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        if (!attributeAllowed(tag, name, attribute.getValue(), allowHtml)) {
          found.add("<" + tag + " " + name + ">");
        }
      }
    }
    for (String what : found) {
      String[] parts = what.substring(1, what.length() - 1).split(" ");
      int line = parts.length > 1 ? lineOf(source.lines(), "<" + parts[0], parts[1] + "=") : 0;
      if (line == 0) {
        line = lineOf(source.lines(), "<" + parts[0], "<" + parts[0]);
      }
      problems.add(
          source.path(),
          Math.max(1, line),
          "raw HTML is not allowed: "
              + what
              + (allowHtml
                  ? " (not even with :" + ALLOW + ":)"
                  : " (see docs/content-format.md, raw HTML)"));
    }
  }

  private static boolean attributeAllowed(String tag, String name, String value, boolean allow) {
    if (name.startsWith("on")) {
      return false;
    }
    if (name.equals("style")) {
      return (tag.equals("col") || tag.equals("table")) && COLUMN_WIDTH.matcher(value).matches();
    }
    if (name.equals("href") || name.equals("src")) {
      return SAFE_URL.matcher(value).matches() || value.startsWith("data:image/");
    }
    if (ATTRIBUTES.contains(name)) {
      return true;
    }
    return allow && (OPT_IN.contains(tag) && SVG_ATTRIBUTES.contains(name));
  }

  /** The first line (1-based) containing both texts, ignoring case; 0 if none. */
  private static int lineOf(List<String> lines, String tag, String attribute) {
    String first = tag.toLowerCase(Locale.ROOT);
    String second = attribute.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).toLowerCase(Locale.ROOT);
      if (line.contains(first) && line.contains(second)) {
        return i + 1;
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("++++") || line.contains("pass:") || line.contains("+++")) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Finds passthrough blocks, and blocks whose substitutions leave HTML unescaped, in pages that do
   * not allow raw HTML; logs each as an error at its source line (the page's problems).
   */
  static final class Blocks extends Treeprocessor {
    @Override
    public Document process(Document document) {
      if (!allowed(document)) {
        walk(document);
      }
      return document;
    }

    private void walk(StructuralNode node) {
      if (node.getBlocks() == null) {
        return;
      }
      for (StructuralNode block : node.getBlocks()) {
        if (block.hasAttribute(GENERATED)) {
          continue;
        }
        String problem = problem(block);
        if (problem != null) {
          log(new LogRecord(Severity.ERROR, block.getSourceLocation(), problem));
        }
        walk(block);
      }
    }

    private static String problem(StructuralNode block) {
      if ("pass".equals(block.getContext())) {
        return "raw HTML is not allowed: a passthrough block (++++ or [pass]); allow it with :"
            + ALLOW
            + ": in the page header";
      }
      if (block instanceof org.asciidoctor.ast.Block simple
          && !List.of("empty", "compound").contains(String.valueOf(block.getContentModel()))
          && !simple.getSubstitutions().contains("specialcharacters")
          && !simple.getSource().isBlank()) {
        return "raw HTML is not allowed: a block whose subs leave out specialchars";
      }
      return null;
    }
  }
}
