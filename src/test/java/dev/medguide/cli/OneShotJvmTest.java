package dev.medguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap a one-shot build's JVM gets. */
class OneShotJvmTest {
  @TempDir Path work;

  @Test
  void theHeapGrowsWithTheContentBetweenAFloorAndTheDefault() {
    long mib = 1024 * 1024;
    long ceiling = Runtime.getRuntime().maxMemory() / mib;

    assertThat(OneShotJvm.heapMib(0)).isEqualTo(Math.min(512, Math.max(512, ceiling)));
    assertThat(OneShotJvm.heapMib(42 * mib)).isEqualTo(Math.max(512, Math.min(592, ceiling)));
    assertThat(OneShotJvm.heapMib(1_000_000 * mib)).isEqualTo(Math.max(512, ceiling));
  }

  @Test
  void theContentSizeIsThatOfTheFolderTheBuildReads() throws IOException {
    Files.createDirectories(work.resolve("c/data"));
    Files.write(work.resolve("c/a.adoc"), new byte[1000]);
    Files.write(work.resolve("c/data/b.csv"), new byte[234]);
    String folder = work.resolve("c").toString();

    assertThat(OneShotJvm.contentBytes(new String[] {"build", "-c", folder})).isEqualTo(1234);
    assertThat(OneShotJvm.contentBytes(new String[] {"build", "--content=" + folder}))
        .isEqualTo(1234);
    assertThat(OneShotJvm.contentBytes(new String[] {"build", "-c", folder + "/none"})).isZero();
  }

  @Test
  void theClassArchiveIsNamedAfterTheJvmAndEveryJarOfTheClassPath() throws IOException {
    Path jar = Files.write(work.resolve("app.jar"), new byte[10]);
    Path lib = Files.write(work.resolve("lib.jar"), new byte[20]);
    String name = ClassArchive.name("/jdk", "17.0.15", List.of(jar, lib));

    assertThat(name).matches("medguide-[0-9a-f]{16}\\.jsa");
    assertThat(ClassArchive.name("/jdk", "17.0.15", List.of(jar, lib))).isEqualTo(name);
    assertThat(ClassArchive.name("/jdk", "17.0.16", List.of(jar, lib))).isNotEqualTo(name);
    assertThat(ClassArchive.name("/other-jdk", "17.0.15", List.of(jar, lib))).isNotEqualTo(name);
    Files.write(lib, new byte[21]); // a rebuilt library
    assertThat(ClassArchive.name("/jdk", "17.0.15", List.of(jar, lib))).isNotEqualTo(name);
  }
}
