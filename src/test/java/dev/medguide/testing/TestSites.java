package dev.medguide.testing;

import dev.medguide.config.BuildOptions;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.BuildResult;
import dev.medguide.pipeline.Progress;
import dev.medguide.render.Toolchain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Builds sites for tests. Asciidoctor's start-up is paid once per test JVM: every build shares one
 * {@link Toolchain}. Sites use the project's real templates.
 */
public final class TestSites {
  private static Toolchain toolchain;
  private static Path realSite;

  private TestSites() {}

  public static synchronized Toolchain toolchain() {
    if (toolchain == null) {
      toolchain = new Toolchain();
    }
    return toolchain;
  }

  /** The project's real content, built once per test JVM into a temporary folder. */
  public static synchronized Path realSite() {
    if (realSite == null) {
      try {
        Path dir = Files.createTempDirectory("medguide-real-");
        realSite = dir.resolve("site");
        build(projectDir().resolve("content"), realSite);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return realSite;
  }

  /** The glossary of the project's real content. */
  public static List<GlossaryTerm> realGlossary() {
    return new ContentLoader(BuildOptions.defaults(projectDir())).load().model().data().glossary();
  }

  /** How long a command of the tests may run before it is killed and its test fails. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Runs a command, returning its exit code and output. Its output goes to files, so a command that
   * writes much to one stream never waits on a reader of the other; one that runs longer than
   * {@link #COMMAND_TIMEOUT} is killed, with the processes it started, and fails the test.
   */
  public static ProcessResult run(Map<String, String> env, String... command) {
    return run(projectDir(), env, command);
  }

  /** Runs a command in {@code dir}, as {@link #run(Map, String...)} does in the project folder. */
  public static ProcessResult run(Path dir, Map<String, String> env, String... command) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("medguide-command-", ".out");
      err = Files.createTempFile("medguide-command-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "still running after "
                + COMMAND_TIMEOUT.toMinutes()
                + " minutes, killed: "
                + String.join(" ", command)
                + "\n--- standard output\n"
                + text(out)
                + "\n--- standard error\n"
                + text(err));
      }
      return new ProcessResult(process.exitValue(), text(out), text(err));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run " + String.join(" ", command) + " (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      for (Path file : new Path[] {out, err}) {
        if (file != null) {
          file.toFile().delete();
        }
      }
    }
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /**
   * The flags every headless Chromium of the tests runs with: no sandbox (root in CI), none of
   * Chromium's own background traffic, and no host resolvable but this machine, so a page that
   * reached for another host would fail visibly.
   */
  public static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");

  /** Opens {@code url} in headless Chromium, lets its scripts run, and returns the DOM as HTML. */
  public static String chromiumDom(String url, Path profile, int virtualTimeMillis) {
    return chromiumDom(url, profile, virtualTimeMillis, List.of());
  }

  /** {@link #chromiumDom(String, Path, int)} with more flags ({@code --force-dark-mode}). */
  public static String chromiumDom(
      String url, Path profile, int virtualTimeMillis, List<String> flags) {
    List<String> command = new java.util.ArrayList<>();
    command.add("chromium");
    command.addAll(CHROMIUM_FLAGS);
    command.addAll(flags);
    command.add("--user-data-dir=" + profile);
    command.add("--virtual-time-budget=" + virtualTimeMillis);
    command.add("--dump-dom");
    command.add(url);
    ProcessResult result = run(Map.of(), command.toArray(new String[0]));
    if (result.code() != 0) {
      throw new IllegalStateException("chromium failed: " + result.err());
    }
    return result.out();
  }

  /**
   * The command line {@code java [jvmOptions] -jar target/medguide.jar build -c content -t
   * templates -o site}, with the project's templates.
   */
  public static List<String> jarBuild(List<String> jvmOptions, Path content, Path site) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            projectDir().resolve("target/medguide.jar").toString(),
            "build",
            "-c",
            content.toString(),
            "-t",
            projectDir().resolve("templates").toString(),
            "-o",
            site.toString()));
    return command;
  }

  /** What a process printed and how it ended. */
  public record ProcessResult(int code, String out, String err) {}

  /** The project's top folder (holds pom.xml, content/, templates/). */
  public static Path projectDir() {
    return Path.of(System.getProperty("medguide.root", System.getProperty("user.dir")))
        .toAbsolutePath();
  }

  /** Copies {@code src/test/resources/fixtures/<name>/content} to {@code target/content}. */
  public static Path copyFixture(String name, Path target) {
    Path source =
        projectDir().resolve("src/test/resources/fixtures").resolve(name).resolve("content");
    copyTree(source, target);
    return target;
  }

  /**
   * Makes a folder a git work tree with everything in it committed (at a fixed date), as an
   * author's content usually is: pages then show commit dates and the content version is the
   * commit's, which stays the same while the author edits (see SourceDates).
   */
  public static Path committedToGit(Path dir) {
    Map<String, String> env =
        Map.of(
            "GIT_AUTHOR_DATE", "2020-01-02T03:04:05+00:00",
            "GIT_COMMITTER_DATE", "2020-01-02T03:04:05+00:00",
            "GIT_AUTHOR_NAME", "medguide test",
            "GIT_AUTHOR_EMAIL", "test@example.org",
            "GIT_COMMITTER_NAME", "medguide test",
            "GIT_COMMITTER_EMAIL", "test@example.org");
    for (String[] command :
        List.of(
            new String[] {"git", "init", "-q"},
            new String[] {"git", "add", "."},
            new String[] {"git", "commit", "-q", "-m", "content"})) {
      ProcessResult result = run(dir, env, command);
      if (result.code() != 0) {
        throw new IllegalStateException(String.join(" ", command) + ": " + result.err());
      }
    }
    return dir;
  }

  public static BuildResult build(Path contentDir, Path outputDir) {
    return build(contentDir, outputDir, EnumSet.allOf(Language.class));
  }

  public static BuildResult build(Path contentDir, Path outputDir, Set<Language> languages) {
    return new BuildPipeline(
            options(contentDir, outputDir, languages), toolchain(), Progress.silent())
        .build();
  }

  /** Build options for content built with the project's templates into {@code outputDir}. */
  public static BuildOptions options(Path contentDir, Path outputDir, Set<Language> languages) {
    return new BuildOptions(
        contentDir,
        projectDir().resolve("templates"),
        outputDir,
        languages,
        false,
        Optional.empty(),
        Optional.empty());
  }

  public static Document parse(Path file) {
    try {
      return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} with the SHA-256 of its bytes, keyed by relative path. */
  public static Map<String, String> snapshot(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        files.put(
            dir.relativize(file).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  public static void copyTree(Path source, Path target) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
