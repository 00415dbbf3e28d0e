package dev.medguide.search;

/**
 * One search result, as the CLI prints it and the API returns it.
 *
 * @param id the page id, e.g. {@code mhlw-6.5}
 * @param lang the page's language
 * @param title the page title as shown (with its number)
 * @param url the page's path relative to the site root
 * @param guideline {@code mhlw}, {@code mic} or {@code site}
 * @param score the BM25 score
 * @param snippet an HTML-escaped excerpt with matches in {@code <mark>}
 * @param approximate whether the hit was found only through parts of words (bigrams), because no
 *     page contains the query's words
 */
public record SearchHit(
    String id,
    String lang,
    String title,
    String url,
    String guideline,
    double score,
    String snippet,
    boolean approximate) {}
