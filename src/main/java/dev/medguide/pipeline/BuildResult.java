package dev.medguide.pipeline;

import java.nio.file.Path;

/**
 * What a successful build produced.
 *
 * @param outputDir the published site
 * @param pages how many pages were published
 * @param linksChecked how many URLs the link check followed
 */
public record BuildResult(Path outputDir, int pages, int linksChecked) {}
