package dev.medguide.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No file of src/main over 400 lines and no method over 60, as {@code scripts/CodeSize.java} counts
 * them (run it to see the longest).
 */
class SourceSizeIT {
  @Test
  void noFileOrMethodOfTheMainSourcesIsOverTheLimits() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    TestSites.ProcessResult result =
        TestSites.run(Map.of(), java.toString(), "scripts/CodeSize.java", "src/main");
    assertThat(result.out()).contains("files over 400 lines: 0", "methods over 60 lines: 0");
    assertThat(result.code()).as(result.out() + result.err()).isZero();
  }
}
