package dev.medguide.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * When each source file last changed, and the version of the content as a whole, for the page
 * footers. Both depend only on the content, so two builds of one commit give the same bytes.
 *
 * <p>A file's date is the date of the last commit that changed it (the committer's date, {@code git
 * log %cs}) when the content folder is in a git work tree and the file is committed unchanged;
 * otherwise (no git, not a checkout, a file new or edited since the last commit) its modification
 * time, as a UTC date.
 *
 * <p>The version, in a git work tree, is the first 12 hex digits of the last commit that changed
 * the content folder, with {@code -dirty} if the folder has changes not committed (the same while
 * an author keeps editing, so serve's one-page rebuilds stay one-page); without git, the first 12
 * hex digits of the SHA-256 of every content file's path and bytes, in path order (dot-folders such
 * as {@code .git} left out). Either way the same content gives the same version.
 */
public final class SourceDates {
  private static final long GIT_TIMEOUT_SECONDS = 30;

  private final Map<Path, LocalDate> committed;
  private final Set<Path> edited;
  private final String version;

  private SourceDates(Map<Path, LocalDate> committed, Set<Path> edited, String version) {
    this.committed = committed;
    this.edited = edited;
    this.version = version;
  }

  /** Reads the dates and the version of a content folder. */
  public static SourceDates of(Path contentDir) {
    Path dir = real(contentDir);
    Map<Path, LocalDate> committed = new HashMap<>();
    Set<Path> edited = new HashSet<>();
    Optional<Path> top = git(dir, "rev-parse", "--show-toplevel").map(s -> Path.of(s.strip()));
    Optional<String> commit =
        top.flatMap(t -> git(dir, "log", "-1", "--format=%H", "--", "."))
            .map(String::strip)
            .filter(h -> h.length() >= 12);
    if (commit.isPresent()) {
      git(dir, "log", "--no-renames", "--format=%x00%cs", "--name-only", "--", ".")
          .ifPresent(log -> readLog(log, top.get(), committed));
      git(dir, "status", "--porcelain", "--untracked-files=all", "--", ".")
          .ifPresent(
              status ->
                  status
                      .lines()
                      .filter(line -> line.length() > 3)
                      .forEach(line -> edited.add(top.get().resolve(unquote(line.substring(3))))));
    }
    String version =
        commit
            .map(h -> h.substring(0, 12) + (edited.isEmpty() ? "" : "-dirty"))
            .orElseGet(() -> hash(dir));
    return new SourceDates(committed, edited, version);
  }

  /** The date a file last changed (see the class comment), or empty if it cannot be read. */
  public Optional<LocalDate> changed(Path file) {
    Path path = real(file);
    LocalDate date = committed.get(path);
    if (date != null && !edited.contains(path)) {
      return Optional.of(date);
    }
    try {
      return Optional.of(
          LocalDate.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneOffset.UTC));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path real(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  /** The content's version (see the class comment). */
  public String version() {
    return version;
  }

  /** git log output: a NUL, a date, a blank line, then the files of that commit; newest first. */
  private static void readLog(String log, Path top, Map<Path, LocalDate> committed) {
    LocalDate date = null;
    for (String line : log.split("\n")) {
      if (line.startsWith("\u0000")) {
        date = LocalDate.parse(line.substring(1).strip());
      } else if (!line.isBlank() && date != null) {
        committed.putIfAbsent(top.resolve(unquote(line.strip())).normalize(), date);
      }
    }
  }

  /** git quotes paths with unusual characters: "a\"b" (core.quotePath is turned off for UTF-8). */
  private static String unquote(String path) {
    return path.startsWith("\"") && path.endsWith("\"") && path.length() > 1
        ? path.substring(1, path.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
        : path;
  }

  /** Runs git in a folder; its output, or empty if git is missing, fails or takes too long. */
  private static Optional<String> git(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "core.quotePath=off"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String hash(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file :
          walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .filter(f -> !dir.relativize(f).toString().startsWith("."))
              .sorted()
              .toList()) {
        digest.update(
            dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new dev.medguide.BuildException(
          "cannot read the content folder " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
