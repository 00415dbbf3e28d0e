import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the longest files and methods of src/main and those over the limits (400 lines a file,
 * 60 a method); exits 1 if any is over. Run: {@code java scripts/CodeSize.java [DIR]}.
 *
 * <p>Methods are found as google-java-format lays them out (the format the build enforces): a
 * declaration line ending in "{" whose body ends at the "}" with the same indentation. A method's
 * length counts its lines from declaration to closing brace, javadoc not included.
 */
public final class CodeSize {
  private static final int FILE_LIMIT = 400;
  private static final int METHOD_LIMIT = 60;

  private static final Pattern DECLARATION =
      Pattern.compile(
          "^(\\s+)(?:(?:public|protected|private|static|final|synchronized|abstract|default|native)\\s+)*"
              + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\],? ]+?\\s+(\\w+)\\s*\\(.*");
  private static final Pattern CONTROL =
      Pattern.compile("^\\s*(if|for|while|switch|catch|try|synchronized|return|new|else|do)\\b.*");

  record Size(String where, int lines) {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "src/main");
    List<Size> files = new ArrayList<>();
    List<Size> methods = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        files.add(new Size(file.toString(), lines.size()));
        methods.addAll(methods(file, lines));
      }
    }
    int over = report("files", files, FILE_LIMIT) + report("methods", methods, METHOD_LIMIT);
    System.exit(over == 0 ? 0 : 1);
  }

  static List<Size> methods(Path file, List<String> lines) {
    List<Size> found = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher m = DECLARATION.matcher(line);
      boolean type = line.matches(".*\\b(record|class|interface|enum)\\s.*");
      if (m.matches() && !type && !CONTROL.matcher(line).matches() && !line.contains("=")) {
        String indent = m.group(1);
        int open = i;
        // A declaration may wrap; its body opens on the first line ending with "{".
        while (open < lines.size() && !lines.get(open).stripTrailing().endsWith("{")) {
          if (lines.get(open).stripTrailing().endsWith(";")) {
            open = -1; // abstract or interface method: no body
            break;
          }
          open++;
        }
        if (open >= 0 && open < lines.size()) {
          int close = open + 1;
          while (close < lines.size() && !lines.get(close).equals(indent + "}")) {
            close++;
          }
          if (close < lines.size()) {
            found.add(new Size(file + ":" + (i + 1) + " " + m.group(2), close - i + 1));
            i = open + 1; // nested classes' methods are found inside
            continue;
          }
        }
      }
      i++;
    }
    return found;
  }

  private static int report(String what, List<Size> sizes, int limit) {
    List<Size> sorted =
        sizes.stream().sorted((a, b) -> Integer.compare(b.lines(), a.lines())).toList();
    long over = sorted.stream().filter(s -> s.lines() > limit).count();
    System.out.printf("%s over %d lines: %d (longest below)%n", what, limit, over);
    for (Size size : sorted.subList(0, Math.min(sorted.size(), Math.max(5, (int) over)))) {
      System.out.printf("  %5d  %s%s%n", size.lines(), size.where(), size.lines() > limit ? "  OVER" : "");
    }
    return (int) over;
  }
}
