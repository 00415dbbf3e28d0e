package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the JavaScript tests of the static search (src/test/js, Node's test runner) against the real
 * site: golden vectors from the Java analysis, variants, cross-language queries, bad input,
 * escaping. Node is required; without it this test fails.
 */
class StaticSearchIT {
  @Test
  void javascriptEngineAgreesWithTheJavaAnalysis() {
    TestSites.ProcessResult result =
        TestSites.run(
            Map.of(
                "MEDGUIDE_SITE",
                TestSites.realSite().toString(),
                "MEDGUIDE_ROOT",
                TestSites.projectDir().toString()),
            "node",
            "--test",
            "src/test/js/");
    System.out.println(
        result
            .out()
            .lines()
            .filter(l -> l.startsWith("# ") || l.startsWith("not ok"))
            .reduce("", (a, b) -> a + b + "\n"));
    assertThat(result.code()).as(result.out() + result.err()).isZero();
    // Every test of the files ran and passed: as many passes as tests, none failed or skipped.
    int tests = count(result.out(), "tests");
    assertThat(tests).as("tests found in src/test/js").isGreaterThanOrEqualTo(13);
    assertThat(count(result.out(), "pass")).isEqualTo(tests);
    assertThat(count(result.out(), "fail")).isZero();
    assertThat(count(result.out(), "skipped")).isZero();
  }

  /** The number node's test runner gives in its summary line {@code # name N}. */
  private static int count(String output, String name) {
    return output
        .lines()
        .filter(l -> l.startsWith("# " + name + " "))
        .map(l -> Integer.parseInt(l.substring(name.length() + 3).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '# " + name + "' line in:\n" + output));
  }
}
