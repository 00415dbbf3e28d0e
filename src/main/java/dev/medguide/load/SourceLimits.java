package dev.medguide.load;

import dev.medguide.model.Problems;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a page's source lines for what Asciidoctor would otherwise crash on or drop without a
 * word: nesting deeper than {@link #MAX_DEPTH} (lists or delimited blocks; Asciidoctor's parser
 * recurses and overflows the stack at about a thousand), a conditional ({@code ifdef::x[]}) never
 * closed (the rest of the page would vanish), an include of a URL (SAFE mode leaves it out
 * silently), and header attributes medguide reads itself written as Asciidoctor would expand them
 * (a line continuation, an attribute reference), which would be published as written.
 */
final class SourceLimits {
  /** The deepest nesting of lists or of delimited blocks a page may have. */
  static final int MAX_DEPTH = 64;

  /** The largest page file read. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  private static final Pattern LIST = Pattern.compile("^\\s*(\\*+|\\.+|-|<\\d+>)\\s+\\S");
  private static final Pattern DLIST = Pattern.compile("^.*\\S(:{2,}|;;)(\\s|$)");
  private static final Pattern DELIMITER =
      Pattern.compile("^(={4,}|\\*{4,}|_{4,}|\\+{4,}|-{4,}|\\.{4,}|/{4,}|--|\\|===+|!===+)\\s*$");
  private static final Pattern OPEN_CONDITIONAL =
      Pattern.compile("^(ifdef|ifndef|ifeval)::[^\\[]*\\[\\s*\\]\\s*$");
  private static final Pattern ENDIF = Pattern.compile("^endif::[^\\[]*\\[\\s*\\]\\s*$");
  private static final Pattern INCLUDE = Pattern.compile("^include::([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern REFERENCE = Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*\\}");

  /** Blocks whose content is not parsed (so delimiters inside are text). */
  private static final Pattern VERBATIM = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,})$");

  private SourceLimits() {}

  static void check(Path file, List<String> lines, Header header, Problems problems) {
    nesting(file, lines, problems);
    conditionals(file, lines, problems);
    if (!header.attributes().containsKey("medguide-allow-html")) {
      inlinePassthroughs(file, lines, problems);
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher include = INCLUDE.matcher(lines.get(i));
      if (include.find() && !include.group(1).equalsIgnoreCase("c")) {
        problems.add(
            file,
            i + 1,
            "include of a URL ("
                + include.group(1)
                + ":) is not allowed: include files of content/");
      }
    }
    header
        .attributes()
        .forEach(
            (name, entry) -> {
              if (!name.startsWith("jbake-")) {
                return;
              }
              String line = entry.line() > 0 ? lines.get(entry.line() - 1) : "";
              if (line.stripTrailing().endsWith("\\") || line.stripTrailing().endsWith(" +")) {
                problems.add(
                    file,
                    entry.line(),
                    ":" + name + ": continues on the next line: write it on one line");
              } else if (REFERENCE.matcher(entry.value()).find()) {
                problems.add(
                    file,
                    entry.line(),
                    ":"
                        + name
                        + ": refers to an attribute ({…}), which is not expanded here: write the"
                        + " text itself");
              }
            });
  }

  private static void nesting(Path file, List<String> lines, Problems problems) {
    Deque<String> open = new ArrayDeque<>();
    boolean reported = false;
    for (int i = 0; i < lines.size() && !reported; i++) {
      String line = lines.get(i);
      String verbatim = open.isEmpty() ? null : open.peek();
      if (verbatim != null && VERBATIM.matcher(verbatim).matches()) {
        if (line.strip().equals(verbatim)) {
          open.pop();
        }
        continue;
      }
      Matcher delimiter = DELIMITER.matcher(line);
      if (delimiter.matches()) {
        String mark = line.strip();
        if (!open.isEmpty() && open.peek().equals(mark)) {
          open.pop();
        } else {
          open.push(mark);
          if (open.size() > MAX_DEPTH) {
            problems.add(file, i + 1, "blocks nested deeper than " + MAX_DEPTH + " levels");
            reported = true;
          }
        }
        continue;
      }
      Matcher list = LIST.matcher(line);
      if (list.find() && list.group(1).length() > MAX_DEPTH) {
        problems.add(file, i + 1, "lists nested deeper than " + MAX_DEPTH + " levels");
        reported = true;
      }
      Matcher dlist = DLIST.matcher(line);
      if (!reported && dlist.find() && dlist.group(1).length() > MAX_DEPTH) {
        problems.add(file, i + 1, "lists nested deeper than " + MAX_DEPTH + " levels");
        reported = true;
      }
    }
  }

  /** {@code pass:[…]} without special characters ({@code c}), and {@code +++…+++}. */
  private static final Pattern INLINE_PASS =
      Pattern.compile("pass:([a-z,]*)\\[|\\+\\+\\+\\S.*?\\+\\+\\+");

  /**
   * Inline passthroughs put HTML into the page as written; the AST does not keep them, so they are
   * found here (outside listing and literal blocks and comments, where they are text).
   */
  private static void inlinePassthroughs(Path file, List<String> lines, Problems problems) {
    String verbatim = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String mark = line.strip();
      if (verbatim != null) {
        if (mark.equals(verbatim)) {
          verbatim = null;
        }
        continue;
      }
      if (mark.matches("-{4,}|\\.{4,}|/{4,}")) {
        verbatim = mark;
        continue;
      }
      if (mark.startsWith("//")) {
        continue;
      }
      Matcher pass = INLINE_PASS.matcher(line);
      while (pass.find()) {
        String subs = pass.group(1);
        boolean escaped =
            subs != null
                && List.of(subs.split(",")).stream()
                    .anyMatch(
                        s ->
                            s.equals("c")
                                || s.equals("n")
                                || s.equals("specialchars")
                                || s.equals("normal"));
        if (!escaped) {
          problems.add(
              file,
              i + 1,
              "raw HTML is not allowed: an inline passthrough ("
                  + (subs == null ? "+++…+++" : "pass:[…]")
                  + "); allow it with :medguide-allow-html: in the page header");
          break;
        }
      }
    }
  }

  /** Every block conditional must be closed by an endif; Asciidoctor drops the rest otherwise. */
  private static void conditionals(Path file, List<String> lines, Problems problems) {
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (OPEN_CONDITIONAL.matcher(line).matches()) {
        open.push(i + 1);
      } else if (ENDIF.matcher(line).matches()) {
        if (open.isEmpty()) {
          problems.add(file, i + 1, "endif without an ifdef, ifndef or ifeval before it");
        } else {
          open.pop();
        }
      }
    }
    for (int line : open) {
      problems.add(
          file,
          line,
          "conditional never closed: add endif::[] (the rest of the page would be left out)");
    }
  }
}
