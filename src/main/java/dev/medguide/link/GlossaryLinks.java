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

  /** Per language, the spellings by their first character (lower case), longest first. */
  private final Map<Language, Map<Character, List<Surface>>> surfaces =
      new EnumMap<>(Language.class);

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
      list.sort(
          Comparator.comparingInt((Surface s) -> -s.text().length()).thenComparing(Surface::text));
      Map<Character, List<Surface>> byFirst = new HashMap<>();
      for (Surface surface : list) {
        byFirst
            .computeIfAbsent(
                Character.toLowerCase(surface.text().charAt(0)), c -> new ArrayList<>())
            .add(surface);
      }
      surfaces.put(lang, byFirst);
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
    String text = node.getWholeText();
    BitSet boundaries = lang == Language.JA ? boundaries(text) : null;
    for (int i = 0; i < text.length(); i++) {
      for (Surface surface :
          surfaces.get(lang).getOrDefault(Character.toLowerCase(text.charAt(i)), List.of())) {
        if (!linked.contains(surface.termId())
            && text.regionMatches(
                surface.ignoreCase(), i, surface.text(), 0, surface.text().length())
            && wholeWord(text, i, i + surface.text().length(), boundaries)) {
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
            link(rest, lang, base, linked);
          }
          return;
        }
      }
    }
  }

  private static boolean wholeWord(String text, int start, int end, BitSet boundaries) {
    boolean latinStart = !isJapanese(text.charAt(start));
    boolean latinEnd = !isJapanese(text.charAt(end - 1));
    boolean startOk =
        latinStart
            ? start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
            : boundaries == null || boundaries.get(start);
    boolean endOk =
        latinEnd
            ? end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
            : boundaries == null || boundaries.get(end);
    return startOk && endOk;
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
