package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flight recording of a build shows its stages, in order, one after the other. */
class StageEventIT {
  @Test
  void aRecordedBuildHasOneEventPerStageInOrder(@TempDir Path work) throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path file = work.resolve("build.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(StageEvent.NAME);
      recording.start();
      TestSites.build(content, work.resolve("site"));
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> stages =
        RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals(StageEvent.NAME))
            .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
            .toList();
    assertThat(stages.stream().map(e -> e.getString("stage")))
        .containsExactly("load", "render", "link", "index", "publish");
    for (int i = 1; i < stages.size(); i++) {
      assertThat(stages.get(i).getStartTime()).isAfterOrEqualTo(stages.get(i - 1).getEndTime());
    }
    assertThat(stages.get(1).getDuration()).isPositive();
  }
}
