package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void withoutATerminalPrintsOnlyOnePlainLinePerStage() {
    Progress progress = new Progress(out, false);
    Runnable counter = progress.counter("render", 3, "pages");
    counter.run();
    counter.run();
    counter.run();
    progress.stage("render", "3 pages", Duration.ofMillis(1500));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            String.format(java.util.Locale.ROOT, "render   %-48s %6.2f s%n", "3 pages", 1.5));
  }

  @Test
  void onATerminalShowsCountsThatTheStageLineReplaces() {
    Progress progress = new Progress(out, true);
    Runnable counter = progress.counter("render", 3, "pages");
    counter.run();
    counter.run();
    counter.run();
    progress.stage("render", "3 pages", Duration.ofMillis(1500));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\rrender   1/3 pages").contains("\rrender   3/3 pages");
    assertThat(text)
        .endsWith(
            String.format(
                java.util.Locale.ROOT, "\r\033[Krender   %-48s %6.2f s%n", "3 pages", 1.5));
  }
}
