package dev.medguide.index;

import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * Cross-language expansion from the glossary: a query that is a glossary term, a variant or its
 * translation also searches the term's words in the target language (spoofing ↔ なりすまし). Keys are
 * normalised spellings; values the analysed terms in the target language.
 */
public final class GlossaryExpansion {
  private final Map<Language, Map<String, List<String>>> byTarget = new TreeMap<>();
  private final Map<String, String> variants = new java.util.LinkedHashMap<>();

  /** The keys of {@link #variants} by first character, longest first. */
  private final Map<Character, List<String>> byFirst = new java.util.HashMap<>();

  public GlossaryExpansion(SearchAnalysis analysis, List<GlossaryTerm> glossary) {
    for (Language target : Language.values()) {
      Map<String, List<String>> map = new TreeMap<>();
      try (Analyzer analyzer = analysis.words(target, false)) {
        for (GlossaryTerm term : glossary) {
          List<String> terms =
              SearchAnalysis.terms(analyzer, target == Language.JA ? term.ja() : term.en());
          if (terms.isEmpty()) {
            continue;
          }
          List<String> spellings = new ArrayList<>(term.variants());
          spellings.add(term.ja());
          spellings.add(term.en());
          for (String spelling : spellings) {
            map.putIfAbsent(SearchAnalysis.normalize(spelling).strip(), terms);
          }
        }
      }
      byTarget.put(target, map);
    }
    glossary.stream()
        .flatMap(
            term ->
                term.variants().stream()
                    .filter(v -> SearchAnalysis.script(v) == Language.JA)
                    .map(
                        v ->
                            Map.entry(
                                SearchAnalysis.normalize(v).strip(),
                                SearchAnalysis.normalize(term.ja()).strip())))
        .filter(e -> !e.getKey().equals(e.getValue()) && !e.getKey().isEmpty())
        .sorted(
            java.util.Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length())
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> variants.putIfAbsent(e.getKey(), e.getValue()));
    // A term maps to itself, so that at any position the longest spelling wins: the variant
    // 取扱 must not cut 取扱い, nor 情報システム cut 医療情報システム.
    for (String canonical : new java.util.ArrayList<>(variants.values())) {
      variants.putIfAbsent(canonical, canonical);
    }
    variants.keySet().stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .forEach(v -> byFirst.computeIfAbsent(v.charAt(0), c -> new ArrayList<>()).add(v));
  }

  /**
   * The query text with every Japanese glossary variant replaced by its term (取り扱い → 取扱い), longest
   * first, so that bigrams of variant spellings are the same too.
   */
  public String canonicalize(String text) {
    String in = SearchAnalysis.normalize(text);
    StringBuilder out = new StringBuilder(in.length());
    int i = 0;
    while (i < in.length()) {
      String match = null;
      for (String surface : byFirst.getOrDefault(in.charAt(i), List.of())) {
        if (in.startsWith(surface, i)) {
          match = surface;
          break;
        }
      }
      if (match == null) {
        out.append(in.charAt(i++));
      } else {
        out.append(variants.get(match));
        i += match.length();
      }
    }
    return out.toString();
  }

  /**
   * The form in which a phrase is looked for in a text, and the text of the bigram fields:
   * canonical spellings ({@link #canonicalize}), no space between two Japanese characters (茗原 秀幸 is
   * 茗原秀幸) and no long vowel ending a katakana word (サーバー is サーバ, as the analysis stems it). The
   * static search folds the same way (engine.js, {@code fold}).
   */
  public String fold(String text) {
    String spaced = JAPANESE_SPACE.matcher(canonicalize(text)).replaceAll("");
    return LONG_VOWEL.matcher(spaced).replaceAll("");
  }

  private static final java.util.regex.Pattern LONG_VOWEL =
      java.util.regex.Pattern.compile("(?<=[\\u30a1-\\u30fc])\\u30fc(?![\\u30a1-\\u30fc])");

  private static final String JAPANESE =
      "[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]";

  private static final java.util.regex.Pattern JAPANESE_SPACE =
      java.util.regex.Pattern.compile("(?<=" + JAPANESE + ")[ \\t\\u3000]+(?=" + JAPANESE + ")");

  /** Japanese variant spellings (normalised) → the normalised term, longest variant first. */
  public Map<String, String> variants() {
    return variants;
  }

  /** The whole map for a target language, for the static export. */
  public Map<String, List<String>> map(Language target) {
    return byTarget.get(target);
  }

  /**
   * The extra terms for a query: the whole normalised query, and each of its space-separated parts,
   * looked up in the glossary.
   */
  public List<String> expand(String query, Language target) {
    List<String> terms = new ArrayList<>();
    for (List<String> expansion : expansions(query, target)) {
      expansion.stream().filter(t -> !terms.contains(t)).forEach(terms::add);
    }
    return terms;
  }

  /**
   * The glossary's spellings in a query, each as its terms in the target language: the whole
   * normalised query, then each space-separated part, where the glossary has them.
   */
  public List<List<String>> expansions(String query, Language target) {
    String normalized = SearchAnalysis.normalize(query).strip();
    Map<String, List<String>> map = byTarget.get(target);
    List<List<String>> out = new ArrayList<>();
    if (map.containsKey(normalized)) {
      out.add(map.get(normalized));
    }
    for (String part : normalized.split("\\s+")) {
      if (!part.equals(normalized) && map.containsKey(part)) {
        out.add(map.get(part));
      }
    }
    return out;
  }
}
