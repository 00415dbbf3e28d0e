package dev.medguide.model;

import java.util.List;

/**
 * The data files of {@code content/data/}: each fact kept once, read by every page that shows it.
 *
 * @param guidelines publisher, title and edition of each guideline per language
 * @param inventory the pages the site must have
 * @param crosswalk the correspondence between the two guidelines
 * @param glossary the bilingual glossary
 * @param committee the committee roster
 */
public record SiteData(
    List<GuidelineInfo> guidelines,
    List<InventoryEntry> inventory,
    List<CrosswalkEntry> crosswalk,
    List<GlossaryTerm> glossary,
    List<CommitteeMember> committee) {

  public static SiteData empty() {
    return new SiteData(List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
