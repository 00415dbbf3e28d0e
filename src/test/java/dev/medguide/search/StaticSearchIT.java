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
    assertThat(result.out()).contains("# pass 12", "# fail 0");
  }
}
