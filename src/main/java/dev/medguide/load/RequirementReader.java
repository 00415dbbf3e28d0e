package dev.medguide.load;

import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirement;
import dev.medguide.model.Requirement.V6Basis;
import dev.medguide.model.RequirementEdition;
import dev.medguide.model.RequirementLevel;
import dev.medguide.model.Requirements.Coverage;
import dev.medguide.model.V6Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the requirement blocks and the coverage line of one page (the format is in
 * docs/content-format.md) and checks each on its own; checks across pages and languages are in
 * {@link RequirementChecks}.
 */
final class RequirementReader {
  private static final Pattern BLOCK_START = Pattern.compile("^\\[requirement(?:,(.*))?]\\s*$");
  private static final Pattern COVERAGE = Pattern.compile("^requirements-coverage::\\[(.*)]\\s*$");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]+");
  private static final Set<String> ATTRIBUTES =
      Set.of("id", "level", "number", "edition", "v6", "v6-basis", "source");

  /**
   * What one page holds.
   *
   * @param requirements the blocks that could be read, in page order
   * @param coverage the coverage line's value, if there is a valid one
   * @param coverageLine the line of the first coverage line, 0 if none
   */
  record PageRequirements(
      List<Requirement> requirements, Optional<Coverage> coverage, int coverageLine) {}

  private final Problems problems;

  RequirementReader(Problems problems) {
    this.problems = problems;
  }

  PageRequirements read(SourceFile source) {
    Path file = source.path();
    List<String> lines = source.lines();
    Found found = new Found();
    String listing = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (listing != null) {
        listing = line.equals(listing) ? null : listing;
      } else if (line.matches("-{4,}|\\.{4,}|\\+{4,}|/{4,}")) {
        listing = line;
      } else if (COVERAGE.matcher(line).matches()) {
        coverage(line, i + 1, file, found);
      } else if (BLOCK_START.matcher(line).matches()) {
        i = block(source, i, found);
      } else if (line.startsWith("[requirement") || line.startsWith("requirements-coverage")) {
        problems.add(
            file,
            i + 1,
            "malformed line: a requirement starts with [requirement,id=…,…] and the coverage line is requirements-coverage::[partial]");
      }
    }
    if (!found.items.isEmpty() && found.coverageLine == 0) {
      problems.add(
          file,
          found.items.get(0).line(),
          "page has requirements but no requirements-coverage::[partial|complete] line before the first");
    } else if (found.items.isEmpty() && found.coverage.isPresent()) {
      problems.add(
          file, found.coverageLine, "requirements-coverage on a page without requirements");
    }
    return new PageRequirements(List.copyOf(found.items), found.coverage, found.coverageLine);
  }

  /** What a page has shown so far. */
  private static final class Found {
    final List<Requirement> items = new ArrayList<>();
    Optional<Coverage> coverage = Optional.empty();
    int coverageLine;
  }

  private void coverage(String line, int number, Path file, Found found) {
    if (found.coverageLine != 0) {
      problems.add(
          file,
          number,
          "second requirements-coverage line (first on line " + found.coverageLine + ")");
      return;
    }
    Matcher cov = COVERAGE.matcher(line);
    cov.matches();
    found.coverageLine = number;
    found.coverage = Coverage.fromCode(cov.group(1).strip());
    if (found.coverage.isEmpty()) {
      problems.add(
          file,
          number,
          "requirements-coverage must be [partial] or [complete], not [" + cov.group(1) + "]");
    }
    if (!found.items.isEmpty()) {
      problems.add(
          file,
          number,
          "requirements-coverage must come before the page's first requirement (line "
              + found.items.get(0).line()
              + ")");
    }
  }

  /** Reads the block whose attribute line is line {@code i}; returns the index to go on after. */
  private int block(SourceFile source, int i, Found found) {
    List<String> lines = source.lines();
    Matcher start = BLOCK_START.matcher(lines.get(i));
    start.matches();
    int end = blockEnd(lines, i + 1, source.path());
    if (end < 0) {
      return i;
    }
    Map<String, String> attributes = attributes(start.group(1), source.path(), i + 1);
    List<String> body = lines.subList(i + 2, end);
    requirement(source.page(), source.path(), i + 1, attributes, body).ifPresent(found.items::add);
    return end;
  }

  /** The index of the closing delimiter of the block whose attribute line is just before. */
  private int blockEnd(List<String> lines, int open, Path file) {
    if (open >= lines.size() || !lines.get(open).matches("={4,}")) {
      problems.add(
          file,
          open,
          "a requirement's attribute line must be followed by a ==== line that opens its body");
      return -1;
    }
    String delimiter = lines.get(open);
    for (int j = open + 1; j < lines.size(); j++) {
      if (lines.get(j).equals(delimiter)) {
        return j;
      }
    }
    problems.add(file, open + 1, "requirement body opened here is never closed with " + delimiter);
    return -1;
  }

  /** Parses {@code id=x,v6="a;b"}: values may be quoted with " or ', commas inside quotes kept. */
  private Map<String, String> attributes(String list, Path file, int line) {
    Map<String, String> values = new LinkedHashMap<>();
    if (list == null) {
      return values;
    }
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    char quote = 0;
    for (char c : list.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        item.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        item.append(c);
      } else if (c == ',') {
        items.add(item.toString());
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    if (quote != 0) {
      problems.add(file, line, "unclosed quote in the requirement's attribute list");
    }
    items.add(item.toString());
    for (String raw : items) {
      String entry = raw.strip();
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        problems.add(file, line, "attribute '" + entry + "' must be name=value");
        continue;
      }
      String name = entry.substring(0, eq).strip();
      String value = unquote(entry.substring(eq + 1).strip());
      if (!ATTRIBUTES.contains(name)) {
        problems.add(
            file,
            line,
            "unknown requirement attribute '"
                + name
                + "' (known: id, level, number, edition, v6, v6-basis, source)");
      } else if (values.put(name, value) != null) {
        problems.add(file, line, "attribute '" + name + "' given twice");
      }
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private Optional<Requirement> requirement(
      Page page, Path file, int line, Map<String, String> a, List<String> body) {
    int before = problems.size();
    for (String required : List.of("id", "level", "edition", "source")) {
      if (a.getOrDefault(required, "").isBlank()) {
        problems.add(file, line, "requirement lacks the attribute " + required);
      }
    }
    String id = a.getOrDefault("id", "");
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      problems.add(
          file, line, "requirement id '" + id + "' may hold only letters, digits, '.' and '-'");
    } else if (!id.isEmpty() && !id.startsWith(page.id() + "-")) {
      problems.add(
          file,
          line,
          "requirement id '" + id + "' must start with its page id '" + page.id() + "-'");
    }
    Optional<RequirementLevel> level = level(page, file, line, a.get("level"));
    Optional<RequirementEdition> edition =
        Optional.ofNullable(a.get("edition"))
            .filter(s -> !s.isBlank())
            .flatMap(RequirementEdition::fromCode);
    if (a.containsKey("edition") && !a.get("edition").isBlank() && edition.isEmpty()) {
      problems.add(
          file,
          line,
          "unknown edition '" + a.get("edition") + "' (known: " + RequirementEdition.codes() + ")");
    }
    List<V6Location> v6 = locations(file, line, a.getOrDefault("v6", ""));
    Optional<V6Basis> basis = basis(file, line, a);
    if (body.stream().allMatch(String::isBlank)) {
      problems.add(file, line, "requirement '" + id + "' has an empty body");
    }
    if (problems.size() > before || level.isEmpty() || edition.isEmpty()) {
      return Optional.empty();
    }
    List<String> sources = List.of(a.get("source").strip().split("\\s+"));
    Optional<String> number = Optional.ofNullable(a.get("number")).filter(s -> !s.isBlank());
    return Optional.of(
        new Requirement(
            id,
            page.id(),
            page.lang(),
            level.get(),
            number,
            edition.get(),
            v6,
            basis,
            sources,
            List.copyOf(body),
            file,
            line));
  }

  private Optional<RequirementLevel> level(Page page, Path file, int line, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    Optional<RequirementLevel> level = RequirementLevel.fromCode(code);
    // A guideline's pages, or a checklist's own page (cyber), each with its levels.
    String list = page.guideline().orElse(page.id());
    if (level.isEmpty() || !level.get().guideline().equals(list)) {
      String known =
          String.join(
              ", ",
              java.util.Arrays.stream(RequirementLevel.values())
                  .filter(l -> l.guideline().equals(list))
                  .map(RequirementLevel::code)
                  .toList());
      known = known.isEmpty() ? "none: requirements belong to guideline or checklist pages" : known;
      problems.add(
          file,
          line,
          "level '" + code + "' is not a level of this page's guideline (known: " + known + ")");
      return Optional.empty();
    }
    return level;
  }

  private List<V6Location> locations(Path file, int line, String value) {
    List<V6Location> found = new ArrayList<>();
    if (value.isBlank()) {
      return found;
    }
    for (String part : value.split(";")) {
      Optional<V6Location> location = V6Location.parse(part.strip());
      if (location.isEmpty()) {
        problems.add(
            file,
            line,
            "malformed 第6.0版 location '"
                + part.strip()
                + "' (forms: mgmt:15, mgmt:15-2, ops:13-11,13, gov:3.4.1, overview:2.3, qa:ops-49)");
      } else {
        found.add(location.get());
      }
    }
    return found;
  }

  private Optional<V6Basis> basis(Path file, int line, Map<String, String> a) {
    boolean hasV6 = !a.getOrDefault("v6", "").isBlank();
    String code = a.getOrDefault("v6-basis", "");
    if (hasV6 && code.isBlank()) {
      problems.add(file, line, "v6 needs v6-basis (table, draft, inferred or manual)");
      return Optional.empty();
    }
    if (!hasV6 && !code.isBlank()) {
      problems.add(file, line, "v6-basis without a v6 location");
      return Optional.empty();
    }
    if (code.isBlank()) {
      return Optional.empty();
    }
    Optional<V6Basis> basis = V6Basis.fromCode(code);
    if (basis.isEmpty()) {
      problems.add(
          file, line, "unknown v6-basis '" + code + "' (known: table, draft, inferred, manual)");
    }
    return basis;
  }
}
