package dev.medguide.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDatesTest {
  @Test
  void withoutGitAFileIsDatedByItsFileTimeAndTheVersionFollowsTheContent(@TempDir Path dir)
      throws IOException {
    Path page = Files.writeString(dir.resolve("page.adoc"), "= Title\n");
    Files.setLastModifiedTime(page, FileTime.from(Instant.parse("2021-03-04T23:30:00Z")));
    SourceDates dates = SourceDates.of(dir);
    assertThat(dates.changed(page)).contains(LocalDate.of(2021, 3, 4));
    assertThat(dates.version()).matches("[0-9a-f]{12}").isEqualTo(SourceDates.of(dir).version());
    Files.writeString(page, "= Another title\n");
    assertThat(SourceDates.of(dir).version()).isNotEqualTo(dates.version());
  }

  @Test
  void inAGitCheckoutACommittedFileHasItsCommitDateAndAnEditedOneItsFileTime(@TempDir Path dir)
      throws IOException {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path committed = Files.writeString(content.resolve("a.adoc"), "= A\n");
    Path edited = Files.writeString(content.resolve("b.adoc"), "= B\n");
    TestSites.committedToGit(dir);
    String clean = SourceDates.of(content).version();
    assertThat(clean).matches("[0-9a-f]{12}");
    Files.writeString(edited, "= B, changed\n");
    Files.setLastModifiedTime(edited, FileTime.from(Instant.parse("2024-05-06T12:00:00Z")));
    SourceDates dates = SourceDates.of(content);
    assertThat(dates.changed(committed)).contains(LocalDate.of(2020, 1, 2));
    assertThat(dates.changed(edited)).contains(LocalDate.of(2024, 5, 6));
    // The version is the commit's, marked while there are changes, and stays so while editing.
    assertThat(dates.version()).isEqualTo(clean + "-dirty");
    Files.writeString(edited, "= B, changed again\n");
    assertThat(SourceDates.of(content).version()).isEqualTo(clean + "-dirty");
  }
}
