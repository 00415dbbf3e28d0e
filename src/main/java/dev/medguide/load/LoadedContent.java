package dev.medguide.load;

import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import java.util.Map;
import java.util.Optional;

/**
 * What the load stage produced: the content model, every page's source, and the problems found.
 * Pages whose file had problems that prevent rendering are not in the model. The dates say when
 * each source last changed and which version the content is.
 */
public record LoadedContent(
    SiteModel model, Map<PageKey, SourceFile> sources, Problems problems, SourceDates dates) {

  public Optional<SourceFile> source(PageKey key) {
    return Optional.ofNullable(sources.get(key));
  }
}
