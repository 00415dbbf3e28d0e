package dev.medguide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jbake.render.RenderingTool;
import org.junit.jupiter.api.Test;

/** The Oven's rendering steps during a build: ours for documents, JBake's quadratic one never. */
class RenderingToolsTest {
  private static List<String> tools() {
    return ServiceLoader.load(RenderingTool.class).stream().map(p -> p.type().getName()).toList();
  }

  @Test
  void duringABakeTheDocumentStepIsOursAndJBakesOtherStepsRemain() {
    List<String> during = new ArrayList<>();
    RenderingTools.during(() -> during.addAll(tools()));

    assertThat(during)
        .contains(PageRenderingTool.class.getName(), "org.jbake.render.SitemapRenderer")
        .doesNotContain("org.jbake.render.DocumentsRenderer")
        .doesNotHaveDuplicates();
  }

  @Test
  void otherwiseTheLookupIsUntouched() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    RenderingTools.during(() -> {});

    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    assertThat(tools())
        .contains("org.jbake.render.DocumentsRenderer")
        .doesNotContain(PageRenderingTool.class.getName());
  }
}
