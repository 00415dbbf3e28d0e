package dev.medguide.link;

import dev.medguide.internal.Urls;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Links the first occurrence of each glossary term in a page body to its entry on the glossary
 * page. Terms and their variants are matched longest first, never inside a link, heading or code,
 * and never inside a word: Japanese has no spaces, so a match must start and end on a Kuromoji
 * token boundary; Latin-script terms must not touch other letters or digits.
 */
final class GlossaryLinks implements HtmlStep {
  private static final Evaluator SKIP =
      QueryParser.parse(
          "a, h1, h2, h3, h4, h5, h6, code, pre, svg, script, style, dt, section.related, td.icon");

  /** One spelling of a term. */
  private record Surface(String text, String termId, boolean ignoreCase) {}

  private final SiteModel model;

  /**
   * The spellings of one language in a trie keyed on lower-case characters: a node holds the
   * spellings that end there, so the spellings starting at a position are found in one walk,
   * however large the glossary.
   */
  private static final class Trie {
    private final Map<Character, Trie> children = new HashMap<>();
    private final List<Surface> ending = new ArrayList<>();

    void add(Surface surface) {
      Trie node = this;
      for (char c : surface.text().toCharArray()) {
        node = node.children.computeIfAbsent(Character.toLowerCase(c), k -> new Trie());
      }
      node.ending.add(surface);
    }

    /** The spellings that may start at {@code start} of {@code text}, longest first. */
    List<Surface> candidates(String text, int start) {
      List<Surface> found = new ArrayList<>();
      Trie node = this;
      for (int i = start; i < text.length(); i++) {
        node = node.children.get(Character.toLowerCase(text.charAt(i)));
        if (node == null) {
          break;
        }
        found.addAll(0, node.ending);
      }
      return found;
    }
  }

  /** Per language, the spellings. */
  private final Map<Language, Trie> surfaces = new EnumMap<>(Language.class);

  /** A Kuromoji tokenizer and its offsets, one per thread: pages are processed in parallel. */
  private record Tokenizer(JapaneseTokenizer tokenizer, OffsetAttribute offsets) {
    static Tokenizer create() {
      JapaneseTokenizer tokenizer =
          new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
      return new Tokenizer(tokenizer, tokenizer.addAttribute(OffsetAttribute.class));
    }
  }

  private final ThreadLocal<Tokenizer> tokenizers = ThreadLocal.withInitial(Tokenizer::create);

  GlossaryLinks(SiteModel model) {
    this.model = model;
    for (Language lang : Language.values()) {
      List<Surface> list = new ArrayList<>();
      for (GlossaryTerm term : model.data().glossary()) {
        List<String> spellings = new ArrayList<>(term.variants());
        spellings.add(lang == Language.JA ? term.ja() : term.en());
        for (String spelling : spellings) {
          boolean latin = spelling.chars().noneMatch(GlossaryLinks::isJapanese);
          if (spelling.length() >= 2 && (lang == Language.JA || latin)) {
            boolean lower = spelling.equals(spelling.toLowerCase(Locale.ROOT));
            list.add(new Surface(spelling, term.id(), lang == Language.EN && lower));
          }
        }
      }
      // Spellings of one length are tried in text order.
      list.sort(Comparator.comparing(Surface::text));
      Trie trie = new Trie();
      list.forEach(trie::add);
      surfaces.put(lang, trie);
    }
  }

  @Override
  public void apply(HtmlPage page) {
    Optional<Page> source = page.source().map(s -> s.page());
    Element body = page.document().getElementById("page-body");
    if (source.isEmpty() || body == null || source.get().id().equals("glossary")) {
      return;
    }
    Language lang = source.get().lang();
    Optional<Page> glossary = model.page("glossary", lang);
    if (glossary.isEmpty()) {
      return;
    }
    String base = Urls.relative(source.get().url(), glossary.get().url()) + "#";
    Set<String> linked = new HashSet<>();
    for (TextNode text : textNodes(body)) {
      link(text, lang, base, linked);
    }
  }

  private static List<TextNode> textNodes(Element body) {
    List<TextNode> nodes = new ArrayList<>();
    body.traverse(
        (Node node, int depth) -> {
          if (node instanceof TextNode text && !text.isBlank() && !skipped(text)) {
            nodes.add(text);
          }
        });
    return nodes;
  }

  private static boolean skipped(TextNode text) {
    for (Element parent = text.parent(); parent != null; parent = parent.parent()) {
      if (parent.is(SKIP)) {
        return true;
      }
      if (parent.id().equals("page-body")) {
        return false;
      }
    }
    return false;
  }

  /** Links the first new term in the text node, then continues in the rest of it. */
  private void link(TextNode node, Language lang, String base, Set<String> linked) {
    link(node, lang, base, linked, new Boundaries(node.getWholeText()), 0);
  }

  /**
   * Links in a text node that starts {@code shift} characters into the text that {@code boundaries}
   * were (or will be) found in: Kuromoji runs once per original text node, not again for what is
   * left after each term linked.
   */
  private void link(
      TextNode node,
      Language lang,
      String base,
      Set<String> linked,
      Boundaries boundaries,
      int shift) {
    String text = node.getWholeText();
    Trie trie = surfaces.get(lang);
    for (int i = 0; i < text.length(); i++) {
      for (Surface surface : trie.candidates(text, i)) {
        if (!linked.contains(surface.termId())
            && text.regionMatches(
                surface.ignoreCase(), i, surface.text(), 0, surface.text().length())
            && wholeWord(text, i, i + surface.text().length(), lang, boundaries, shift)) {
          linked.add(surface.termId());
          int end = i + surface.text().length();
          TextNode match = i == 0 ? node : node.splitText(i);
          // jsoup cannot split at the very end of a text node.
          TextNode rest = end < text.length() ? match.splitText(surface.text().length()) : null;
          Element anchor =
              new Element("a").addClass("glossary-term").attr("href", base + surface.termId());
          match.replaceWith(anchor);
          anchor.appendChild(match);
          if (rest != null) {
            link(rest, lang, base, linked, boundaries, shift + end);
          }
          return;
        }
      }
    }
  }

  private boolean wholeWord(
      String text, int start, int end, Language lang, Boundaries boundaries, int shift) {
    boolean latinStart = !isJapanese(text.charAt(start));
    boolean latinEnd = !isJapanese(text.charAt(end - 1));
    if (latinStart && start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return false;
    }
    if (latinEnd && end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      return false;
    }
    if (lang != Language.JA || (latinStart && latinEnd)) {
      return true;
    }
    // Either end of the text node is a boundary: a term may start right after an earlier one.
    return (latinStart || start == 0 || boundaries.at(shift + start))
        && (latinEnd || end == text.length() || boundaries.at(shift + end));
  }

  /** Where Kuromoji's tokens start and end in a text, found when a Japanese match needs them. */
  private final class Boundaries {
    private final String text;
    private BitSet offsets;

    Boundaries(String text) {
      this.text = text;
    }

    boolean at(int offset) {
      if (offsets == null) {
        offsets = boundaries(text);
      }
      return offsets.get(offset);
    }
  }

  /** The offsets where a Kuromoji token starts or ends. */
  private BitSet boundaries(String text) {
    BitSet set = new BitSet(text.length() + 1);
    set.set(0);
    set.set(text.length());
    JapaneseTokenizer tokenizer = tokenizers.get().tokenizer();
    OffsetAttribute offsets = tokenizers.get().offsets();
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        set.set(offsets.startOffset());
        set.set(offsets.endOffset());
      }
      tokenizer.end();
      tokenizer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return set;
  }

  private static boolean isJapanese(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || (c >= 0xFF00 && c <= 0xFFEF)
        || (c >= 0x3000 && c <= 0x303F);
  }
}
