package dev.medguide.model;

/** What a page is, derived from its id; the layout varies a little by kind. */
public enum PageKind {
  /** The home page of one language ({@code home}). */
  HOME,
  /** A guideline's table of contents ({@code mhlw}, {@code mic}). */
  GUIDELINE,
  /** A chapter of a guideline ({@code mhlw-6}). */
  CHAPTER,
  /** A numbered section or subsection ({@code mhlw-6.5}, {@code mic-3.3.1-3.3.4}). */
  SECTION,
  /** An unnumbered annex of a guideline ({@code mic-annex}). */
  ANNEX,
  /** Any other page (overview, glossary …). */
  PAGE,
  /**
   * Not a page of its own: one requirement inside its page, a search result that links to its
   * anchor (see {@link SiteModel#searchDocuments}).
   */
  REQUIREMENT
}
