package dev.medguide.model;

/**
 * A member of the committee that drafted the MIC guideline, from {@code
 * content/data/committee.csv}.
 *
 * @param no position in the deck's roster, from 1
 * @param nameJa the name as the deck writes it
 * @param nameEn the romanised name, family name first
 * @param readingConfirmed whether the romanisation was confirmed in a source
 * @param affiliationJa the affiliation as the deck writes it
 * @param affiliationEn the affiliation in English
 * @param chair whether the member chaired the committee (主査)
 */
public record CommitteeMember(
    int no,
    String nameJa,
    String nameEn,
    boolean readingConfirmed,
    String affiliationJa,
    String affiliationEn,
    boolean chair) {}
