package dev.medguide.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** For the benchmark's profile: the JVM flags a one-shot build of some content runs with. */
public final class OneShotSettings {
  private OneShotSettings() {}

  /** {@link OneShotJvm#FLAGS} and the heap cap for the content folder. */
  public static List<String> flags(Path content) {
    List<String> flags = new ArrayList<>(OneShotJvm.FLAGS);
    long bytes = OneShotJvm.contentBytes(new String[] {"build", "-c", content.toString()});
    flags.add("-Xmx" + OneShotJvm.heapMib(bytes) + "m");
    return flags;
  }
}
