package dev.medguide.model;

/**
 * Bibliographic facts of one guideline in one language, from {@code content/data/guidelines.csv}.
 *
 * @param id {@code mhlw} or {@code mic}
 * @param lang the language these names are written in
 * @param publisher the ministry
 * @param title the guideline's title
 * @param edition the edition, e.g. 第5版
 */
public record GuidelineInfo(
    String id, Language lang, String publisher, String title, String edition) {}
