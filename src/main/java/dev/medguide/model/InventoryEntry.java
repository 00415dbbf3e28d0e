package dev.medguide.model;

/**
 * A page the site must have, from {@code content/data/inventory.csv}.
 *
 * @param id the page id
 * @param titleJa the Japanese title, exactly as in the source deck
 * @param titleEn the English title
 * @param line the line of the row in the inventory file
 */
public record InventoryEntry(String id, String titleJa, String titleEn, int line) {

  public String title(Language lang) {
    return lang == Language.JA ? titleJa : titleEn;
  }
}
