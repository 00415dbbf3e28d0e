package dev.medguide.bench;

import dev.medguide.model.Language;
import dev.medguide.model.SectionNumbers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Derives a content folder {@code scale} times the size of the real one, for benchmarks that check
 * whether the build time grows linearly with the content (1×, 10×, 100×).
 *
 * <p>Usage: {@code SyntheticContent <realContentDir> <outDir> <scale>}. The output folder is
 * deleted and recreated, and starts as an unchanged copy of the real content (so scale 1 is a plain
 * copy). Each further copy {@code k} (1 to {@code scale - 1}) adds, for every real chapter and
 * section page of a guideline (ids like {@code mhlw-6} or {@code mic-3.2.10}; ranges such as {@code
 * mic-3.3.1-3.3.4}, the annex and the tables of contents are left out), a sub-section numbered
 * {@code <number>.<100 + k>} in both languages. It lives in the folder of its source page, so
 * {@link SectionNumbers} makes the source page its parent and the relative {@code xref:}s of the
 * derived body still reach real pages. The rest is derived so that the build's checks pass and the
 * work per page stays like the real content's:
 *
 * <ul>
 *   <li>Titles get a suffix; the id follows the new number, and the summary says which supplement
 *       the page is. {@code inventory.csv} lists every new page with exactly these titles, such as
 *       "Technical Security Measures (supplement 101)" and 「技術的安全対策（補遺101）」.
 *   <li>Bodies keep their sections: the {@code [#id]} lines and headings are unchanged, so the two
 *       languages still have the same section ids. Within each section the blocks, the items of
 *       each list and the sentences of each plain paragraph are rotated, and one block is dropped
 *       or repeated, depending on {@code k} and the section; so copies differ from their source and
 *       from each other but keep about its size. Delimited blocks move whole, link macros are never
 *       split, and blocks that define an anchor or are block macros are never dropped or repeated,
 *       so every anchor stays defined exactly once.
 *   <li>{@code crosswalk.csv} gets, per copy, every real row whose pages were all copied, naming
 *       the copies instead, so the compare views and "related sections" blocks grow with the pages.
 *   <li>{@code glossary.csv} gets, per copy, a term for every real term written in letters only,
 *       with a hiragana reading, derived definitions and the copies of the real term's pages (the
 *       real pages if none was copied), so the glossary and the Kuromoji user dictionary built from
 *       it grow too. Copy 1 of 医療情報 is 医療情報第一類.
 * </ul>
 *
 * <p>The output is deterministic, UTF-8 with LF line endings.
 */
public final class SyntheticContent {
  /** Copy {@code k} numbers its pages {@code FIRST_SUPPLEMENT + k}, above any real number. */
  private static final int FIRST_SUPPLEMENT = 100;

  /** The glossary spells the copy number in kanji, which {@link #kanji} does up to 99. */
  private static final int MAX_SCALE = 100;

  private static final String GUIDELINES = "data/guidelines.csv";
  private static final String INVENTORY = "data/inventory.csv";
  private static final String CROSSWALK = "data/crosswalk.csv";
  private static final String GLOSSARY = "data/glossary.csv";

  private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
  private static final Pattern TITLE = Pattern.compile("^=\\s+(\\S.*)$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^:([\\w][\\w-]*!?):(?:\\s+(.*))?$");
  private static final Pattern HEADING = Pattern.compile("^={2,6}\\s+\\S.*");
  private static final Pattern DELIMITER =
      Pattern.compile("^(--|-{4,}|\\.{4,}|={4,}|\\*{4,}|\\+{4,}|_{4,}|/{4,}|`{3,}|\\|===+)\\s*$");
  private static final Pattern BLOCK_ATTRIBUTES = Pattern.compile("^\\[.*\\]\\s*$");
  private static final Pattern BLOCK_TITLE = Pattern.compile("^\\.[^.\\s].*");
  private static final Pattern LIST_ITEM = Pattern.compile("^(\\*+|-|\\.+)\\s+\\S.*");
  private static final Pattern PLAIN_PARAGRAPH =
      Pattern.compile("^(?![*\\-.\\[|=:/<>\\s]|[A-Z]+: )[^`+]*$");
  private static final String OPENING = "[(（「『";
  private static final String CLOSING = "])）」』";
  private static final Pattern PINNED = Pattern.compile("\\[\\[|\\[#|anchor:|^\\w+::");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  /** The digits 0 to 9 as kanji numerals and their readings; zero is not written. */
  private static final List<String> KANJI_DIGITS =
      List.of("", "一", "二", "三", "四", "五", "六", "七", "八", "九");

  private static final List<String> DIGIT_READINGS =
      List.of("", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう");

  private static final CSVFormat READ =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();
  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private SyntheticContent() {}

  /** Generates the content and prints how many pages and data rows it has. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SyntheticContent <realContentDir> <outDir> <scale>");
      System.exit(2);
    }
    Path realContent = Path.of(args[0]);
    Path out = Path.of(args[1]);
    generate(realContent, out, Integer.parseInt(args[2]));
    printTotals(realContent, out);
  }

  /**
   * Writes to {@code out} (deleted first) the real content plus {@code scale - 1} derived copies of
   * its guideline chapters and sections, with their inventory, crosswalk and glossary rows.
   *
   * @param realContent a content folder that builds cleanly
   * @param out the folder to write; must not contain or lie inside {@code realContent}
   * @param scale 1 for a plain copy, up to 100
   */
  public static void generate(Path realContent, Path out, int scale) throws IOException {
    checkArguments(realContent, out, scale);
    deleteTree(out);
    copyTree(realContent, out);
    List<Source> sources = sources(realContent);
    Table crosswalk = Table.read(realContent.resolve(CROSSWALK));
    Table glossary = Table.read(realContent.resolve(GLOSSARY));
    List<Map<String, String>> pages = new ArrayList<>();
    List<Map<String, String>> pairs = new ArrayList<>();
    List<Map<String, String>> terms = new ArrayList<>();
    for (int k = 1; k < scale; k++) {
      Map<String, String> copies = new LinkedHashMap<>();
      for (Source source : sources) {
        pages.add(writeSupplement(source, out, k));
        copies.put(source.id(), source.supplementId(k));
      }
      for (Map<String, String> row : crosswalk.rows()) {
        crosswalkCopy(row, copies).ifPresent(pairs::add);
      }
      for (Map<String, String> term : glossary.rows()) {
        glossaryCopy(term, copies, k).ifPresent(terms::add);
      }
    }
    appendRows(out.resolve(INVENTORY), Table.read(realContent.resolve(INVENTORY)).header(), pages);
    appendRows(out.resolve(CROSSWALK), crosswalk.header(), pairs);
    appendRows(out.resolve(GLOSSARY), glossary.header(), terms);
  }

  private static void checkArguments(Path realContent, Path out, int scale) {
    if (scale < 1 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be 1 to " + MAX_SCALE + ", not " + scale);
    }
    if (!Files.isDirectory(realContent)) {
      throw new IllegalArgumentException("not a content folder: " + realContent);
    }
    Path real = realContent.toAbsolutePath().normalize();
    Path target = out.toAbsolutePath().normalize();
    if (real.startsWith(target) || target.startsWith(real)) {
      throw new IllegalArgumentException(
          out + " must be outside " + realContent + " and vice versa");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  /** The real chapter and section pages with a plain number, per guideline in number order. */
  private static List<Source> sources(Path content) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (String guideline : guidelineIds(content)) {
      for (String number : plainNumbers(content.resolve(Language.JA.code()).resolve(guideline))) {
        Map<Language, Page> pages = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
          Path dir = content.resolve(lang.code()).resolve(guideline);
          pages.put(lang, Page.read(dir.resolve(number + ".adoc")));
        }
        sources.add(new Source(guideline, number, pages));
      }
    }
    return sources;
  }

  private static Set<String> guidelineIds(Path content) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    Table.read(content.resolve(GUIDELINES)).rows().forEach(row -> ids.add(row.get("id")));
    return ids;
  }

  private static List<String> plainNumbers(Path guidelineDir) throws IOException {
    if (!Files.isDirectory(guidelineDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(guidelineDir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".adoc"))
          .map(name -> name.substring(0, name.length() - ".adoc".length()))
          .filter(stem -> PLAIN_NUMBER.matcher(stem).matches())
          .sorted(SectionNumbers.ORDER)
          .toList();
    }
  }

  /** Writes copy {@code k} of a page in every language and returns its inventory row. */
  private static Map<String, String> writeSupplement(Source source, Path out, int k)
      throws IOException {
    String number = source.supplementNumber(k);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", source.supplementId(k));
    for (Language lang : Language.values()) {
      Page copy = source.pages().get(lang).supplement(source.supplementId(k), lang, k);
      Path file = out.resolve(lang.code()).resolve(source.guideline()).resolve(number + ".adoc");
      Files.writeString(file, copy.text(), StandardCharsets.UTF_8);
      row.put("title_" + lang.code(), copy.title());
    }
    return row;
  }

  /** The row for copy {@code k}, if every page the real row names was copied. */
  private static Optional<Map<String, String>> crosswalkCopy(
      Map<String, String> row, Map<String, String> copies) {
    Map<String, String> copy = new LinkedHashMap<>(row);
    for (String side : List.of("mhlw", "mic")) {
      String id = row.get(side);
      if (!id.isEmpty()) {
        if (!copies.containsKey(id)) {
          return Optional.empty();
        }
        copy.put(side, copies.get(id));
      }
    }
    return Optional.of(copy);
  }

  /** The term for copy {@code k}, if the real term is a plain word a dictionary can hold. */
  private static Optional<Map<String, String>> glossaryCopy(
      Map<String, String> term, Map<String, String> copies, int k) {
    String ja = term.get("ja");
    if (!LETTERS.matcher(ja).matches()) {
      return Optional.empty();
    }
    Map<String, String> copy = new LinkedHashMap<>(term);
    copy.put("id", term.get("id") + "-class-" + k);
    String kind = "第" + kanji(k) + "類";
    copy.put("ja", ja + kind);
    copy.put("reading", hiragana(term.get("reading")) + "だい" + reading(k) + "るい");
    copy.put("en", term.get("en") + " class " + k);
    copy.put("variants", "");
    String definition = ja + "のうち" + kind + "に当たるものです。";
    copy.put("definition_ja", definition + term.get("definition_ja"));
    copy.put(
        "definition_en", "Class " + k + " of " + term.get("en") + ": " + term.get("definition_en"));
    copy.put("pages", copiedPages(term.get("pages"), copies));
    return Optional.of(copy);
  }

  /** The copies of the pages, or the pages themselves when none was copied (pages is required). */
  private static String copiedPages(String pages, Map<String, String> copies) {
    List<String> copied =
        Arrays.stream(pages.strip().split("\\s+"))
            .filter(copies::containsKey)
            .map(copies::get)
            .toList();
    return copied.isEmpty() ? pages : String.join(" ", copied);
  }

  /** A kana reading in hiragana: katakana shifted to hiragana, anything else but ー dropped. */
  private static String hiragana(String reading) {
    StringBuilder out = new StringBuilder();
    reading
        .codePoints()
        .map(c -> c >= 'ァ' && c <= 'ヶ' ? c - ('ァ' - 'ぁ') : c)
        .filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA || c == 'ー')
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** 1 to 99 in kanji numerals: 一, 十二, 九十九. */
  private static String kanji(int n) {
    return tens(n, KANJI_DIGITS, "十") + KANJI_DIGITS.get(n % 10);
  }

  /** The reading of {@link #kanji}{@code (n)}: いち, じゅうに, きゅうじゅうきゅう. */
  private static String reading(int n) {
    return tens(n, DIGIT_READINGS, "じゅう") + DIGIT_READINGS.get(n % 10);
  }

  /** The tens of {@code n} (1 to 99): none below 10, 十 alone for 10 to 19, else digit and 十. */
  private static String tens(int n, List<String> digits, String ten) {
    int tens = n / 10;
    return tens == 0 ? "" : (tens == 1 ? "" : digits.get(tens)) + ten;
  }

  private static void appendRows(Path file, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    StringBuilder text = new StringBuilder(Files.readString(file, StandardCharsets.UTF_8));
    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
      for (Map<String, String> row : rows) {
        printer.printRecord(header.stream().map(column -> row.getOrDefault(column, "")).toList());
      }
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void printTotals(Path realContent, Path out) throws IOException {
    long real = countPages(realContent);
    long ja = countPages(out.resolve(Language.JA.code()));
    long en = countPages(out.resolve(Language.EN.code()));
    System.out.printf(
        Locale.ROOT,
        "%s: %d pages (ja %d, en %d) = %.2f × the %d real pages;"
            + " %d inventory rows, %d crosswalk rows, %d glossary terms%n",
        out,
        ja + en,
        ja,
        en,
        (double) (ja + en) / real,
        real,
        Table.read(out.resolve(INVENTORY)).rows().size(),
        Table.read(out.resolve(CROSSWALK)).rows().size(),
        Table.read(out.resolve(GLOSSARY)).rows().size());
  }

  private static long countPages(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(path -> path.toString().endsWith(".adoc")).count();
    }
  }

  /**
   * A body with every section's blocks varied for copy {@code k}; the seed differs per section so
   * that sections of one page are not all varied alike.
   */
  private static List<String> varyBody(List<String> body, int k) {
    List<Section> sections = Section.parse(body);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      if (!section.heading().isEmpty()) {
        addBlock(lines, section.heading());
      }
      varyBlocks(section.blocks(), k + s).forEach(block -> addBlock(lines, block));
    }
    return lines;
  }

  private static void addBlock(List<String> lines, List<String> block) {
    if (!lines.isEmpty()) {
      lines.add("");
    }
    lines.addAll(block);
  }

  /**
   * Rotates the blocks, their list items and their sentences by {@code seed}; then, if there are
   * several blocks, drops or repeats one (as often one as the other, so a copy keeps about its
   * source's size).
   */
  private static List<List<String>> varyBlocks(List<List<String>> blocks, int seed) {
    List<List<String>> varied = new ArrayList<>();
    blocks.forEach(block -> varied.add(rotateSentences(rotateListItems(block, seed), seed)));
    if (varied.size() < 2) {
      return varied;
    }
    Collections.rotate(varied, -seed);
    int target = seed / 3 % varied.size();
    List<String> chosen = varied.get(target);
    if (chosen.stream().noneMatch(line -> PINNED.matcher(line).find())) {
      if (seed % 3 == 1) {
        varied.remove(target);
      } else if (seed % 3 == 2) {
        varied.add(target + 1, chosen);
      }
    }
    return varied;
  }

  /**
   * Rotates the top-level items of a list block (nested items and continuations move with their
   * item); any other block, or a list holding a delimited block, is returned as it is.
   */
  private static List<String> rotateListItems(List<String> block, int seed) {
    int first = 0;
    while (first < block.size() && isBlockMetadata(block.get(first))) {
      first++;
    }
    Matcher start = LIST_ITEM.matcher(first < block.size() ? block.get(first) : "");
    if (!start.matches() || block.stream().anyMatch(line -> DELIMITER.matcher(line).matches())) {
      return block;
    }
    List<List<String>> items = new ArrayList<>();
    for (String line : block.subList(first, block.size())) {
      Matcher item = LIST_ITEM.matcher(line);
      if (item.matches() && item.group(1).equals(start.group(1))) {
        items.add(new ArrayList<>());
      }
      items.get(items.size() - 1).add(line);
    }
    Collections.rotate(items, -seed);
    List<String> rotated = new ArrayList<>(block.subList(0, first));
    items.forEach(rotated::addAll);
    return rotated;
  }

  /**
   * Rotates the sentences of a paragraph of one line without markup at its start (so no list,
   * title, attribute line or admonition) and without inline code or passthroughs. Sentences end at
   * 。 or at ". " before a capital, never inside brackets, so link macros stay whole.
   */
  private static List<String> rotateSentences(List<String> block, int seed) {
    if (block.size() != 1 || !PLAIN_PARAGRAPH.matcher(block.get(0)).matches()) {
      return block;
    }
    List<String> sentences = sentences(block.get(0));
    Collections.rotate(sentences, -seed);
    StringBuilder text = new StringBuilder();
    for (String sentence : sentences) {
      if (text.length() > 0 && text.charAt(text.length() - 1) != '。') {
        text.append(' ');
      }
      text.append(sentence);
    }
    return List.of(text.toString());
  }

  private static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (OPENING.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSING.indexOf(c) >= 0) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && endsSentence(text, i)) {
        sentences.add(text.substring(start, i + 1).strip());
        start = i + 1;
      }
    }
    sentences.add(text.substring(start).strip());
    sentences.removeIf(String::isEmpty);
    return sentences;
  }

  private static boolean endsSentence(String text, int i) {
    return text.charAt(i) == '。'
        || text.startsWith(". ", i)
            && i + 2 < text.length()
            && Character.isUpperCase(text.charAt(i + 2));
  }

  private static boolean isBlockMetadata(String line) {
    return BLOCK_TITLE.matcher(line).matches() || BLOCK_ATTRIBUTES.matcher(line).matches();
  }

  /** A real page to derive copies from. */
  private record Source(String guideline, String number, Map<Language, Page> pages) {
    String id() {
      return guideline + "-" + number;
    }

    String supplementId(int k) {
      return guideline + "-" + supplementNumber(k);
    }

    /** {@code <number>.<100 + k>}, checked to be a number whose parent is this page's. */
    String supplementNumber(int k) {
      String child = number + "." + (FIRST_SUPPLEMENT + k);
      if (!SectionNumbers.isNumber(child)
          || !SectionNumbers.parentCandidate(child).equals(Optional.of(number))) {
        throw new IllegalStateException(child + " would not be a sub-section of " + number);
      }
      return child;
    }
  }

  /**
   * One page file: its title, header attribute entries (as written) and body lines.
   *
   * @param title the document title
   * @param attributes the attribute entries of the header
   * @param body the lines after the header
   */
  private record Page(String title, List<Attribute> attributes, List<String> body) {
    /** Reads a page as medguide's header reader does: title, then entries up to a blank line. */
    static Page read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int i = 0;
      while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).startsWith("//"))) {
        i++;
      }
      Matcher title = TITLE.matcher(i < lines.size() ? lines.get(i) : "");
      if (!title.matches()) {
        throw new IOException(file + ": no document title");
      }
      List<Attribute> attributes = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).isBlank(); i++) {
        Matcher entry = ATTRIBUTE.matcher(lines.get(i));
        if (entry.matches()) {
          String value = entry.group(2) == null ? "" : entry.group(2).strip();
          attributes.add(new Attribute(entry.group(1), value, lines.get(i)));
        } else if (!lines.get(i).startsWith("//")) {
          break;
        }
      }
      return new Page(title.group(1).strip(), attributes, lines.subList(i, lines.size()));
    }

    /**
     * Copy {@code k} of this page under a new id: suffixed title, the id, language, summary and
     * source note of the header (other {@code jbake-} entries such as the order are dropped; other
     * attributes are kept, as the body may refer to them), and a varied body.
     */
    Page supplement(String id, Language lang, int k) {
      int supplement = FIRST_SUPPLEMENT + k;
      List<Attribute> entries = new ArrayList<>();
      for (Attribute entry : attributes) {
        switch (entry.name()) {
          case "jbake-id" -> entries.add(entry.withValue(id));
          case "jbake-summary" ->
              entries.add(entry.withValue(summaryPrefix(lang, supplement) + entry.value()));
          case "jbake-lang", "jbake-source-note" -> entries.add(entry);
          default -> {
            if (!entry.name().startsWith("jbake-")) {
              entries.add(entry);
            }
          }
        }
      }
      return new Page(title + titleSuffix(lang, supplement), entries, varyBody(body, k));
    }

    String text() {
      List<String> lines = new ArrayList<>();
      lines.add("= " + title);
      attributes.forEach(entry -> lines.add(entry.line()));
      lines.add("");
      lines.addAll(body);
      return String.join("\n", lines) + "\n";
    }

    private static String titleSuffix(Language lang, int supplement) {
      return switch (lang) {
        case JA -> "（補遺" + supplement + "）";
        case EN -> " (supplement " + supplement + ")";
      };
    }

    private static String summaryPrefix(Language lang, int supplement) {
      return switch (lang) {
        case JA -> "補遺" + supplement + "：";
        case EN -> "Supplement " + supplement + ": ";
      };
    }
  }

  /**
   * A header attribute entry.
   *
   * @param name the name, such as {@code jbake-id}
   * @param value the value, stripped
   * @param line the entry as written
   */
  private record Attribute(String name, String value, String line) {
    Attribute withValue(String newValue) {
      return new Attribute(name, newValue, ":" + name + ": " + newValue);
    }
  }

  /**
   * A part of a body: the preamble (no heading) or a section, as its heading lines (the heading and
   * the attribute lines such as {@code [#id]} just above it) and its blocks. A block is a run of
   * lines up to a blank line; a delimited block is taken whole, blank lines included.
   */
  private record Section(List<String> heading, List<List<String>> blocks) {
    static List<Section> parse(List<String> lines) {
      List<Section> sections = new ArrayList<>();
      List<String> heading = List.of();
      List<List<String>> blocks = new ArrayList<>();
      List<String> block = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (DELIMITER.matcher(line).matches()) {
          int end = closingDelimiter(lines, i);
          block.addAll(lines.subList(i, end + 1));
          i = end;
        } else if (HEADING.matcher(line).matches()) {
          List<String> next = detachAttributeLines(block);
          next.add(line);
          endBlock(block, blocks);
          sections.add(new Section(heading, blocks));
          heading = next;
          blocks = new ArrayList<>();
        } else if (line.isBlank()) {
          endBlock(block, blocks);
        } else {
          block.add(line);
        }
      }
      endBlock(block, blocks);
      sections.add(new Section(heading, blocks));
      return sections;
    }

    /** The line that closes the delimited block opened at {@code open}, or the last line. */
    private static int closingDelimiter(List<String> lines, int open) {
      String delimiter = lines.get(open).strip();
      for (int i = open + 1; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(delimiter)) {
          return i;
        }
      }
      return lines.size() - 1;
    }

    /** Removes the attribute lines that end {@code block} (they belong to a heading). */
    private static List<String> detachAttributeLines(List<String> block) {
      int from = block.size();
      while (from > 0 && BLOCK_ATTRIBUTES.matcher(block.get(from - 1)).matches()) {
        from--;
      }
      List<String> attached = new ArrayList<>(block.subList(from, block.size()));
      block.subList(from, block.size()).clear();
      return attached;
    }

    private static void endBlock(List<String> block, List<List<String>> blocks) {
      if (!block.isEmpty()) {
        blocks.add(List.copyOf(block));
        block.clear();
      }
    }
  }

  /** A data file: its header (column names in order) and its rows by column name. */
  private record Table(List<String> header, List<Map<String, String>> rows) {
    static Table read(Path file) throws IOException {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, READ)) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
          rows.add(record.toMap());
        }
        return new Table(parser.getHeaderNames(), rows);
      }
    }
  }
}
