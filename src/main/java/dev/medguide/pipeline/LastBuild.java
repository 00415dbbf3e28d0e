package dev.medguide.pipeline;

import dev.medguide.index.PageText;
import dev.medguide.load.LoadedContent;
import dev.medguide.model.Page;
import dev.medguide.render.PageRenderer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a successful build leaves for the partial builds after it; never changed once made, so that
 * a failed build simply keeps the one before.
 *
 * @param content the content model and sources of the published site
 * @param anchors the anchors of its pages, by URL, that links are checked against
 * @param texts the searchable text of each page, in index order
 * @param unindexed texts of pages rebuilt since the Lucene index was last brought up to date
 * @param kept what a partial render may reuse
 */
public record LastBuild(
    LoadedContent content,
    Map<String, Set<String>> anchors,
    Map<Page, PageText> texts,
    Map<Page, PageText> unindexed,
    PageRenderer.Kept kept) {

  public LastBuild {
    anchors = Map.copyOf(anchors);
    texts = ordered(texts);
    unindexed = ordered(unindexed);
  }

  /** This build with the texts of some rebuilt pages replaced (and waiting for the index). */
  LastBuild withPages(
      LoadedContent next,
      Map<String, Set<String>> nextAnchors,
      Map<Page, PageText> changed,
      PageRenderer.Kept nextKept) {
    Map<Page, PageText> allTexts = new LinkedHashMap<>(texts);
    allTexts.putAll(changed);
    Map<Page, PageText> waiting = new LinkedHashMap<>(unindexed);
    waiting.putAll(changed);
    return new LastBuild(next, nextAnchors, allTexts, waiting, nextKept);
  }

  /** This build once its rebuilt pages are in the Lucene index. */
  LastBuild indexed() {
    return new LastBuild(content, anchors, texts, Map.of(), kept);
  }

  private static Map<Page, PageText> ordered(Map<Page, PageText> texts) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }
}
