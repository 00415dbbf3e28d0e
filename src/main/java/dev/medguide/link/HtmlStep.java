package dev.medguide.link;

/**
 * One post-processing step over a rendered page; steps are chained by {@link HtmlPostProcessor}.
 */
interface HtmlStep {
  void apply(HtmlPage page);
}
