package dev.medguide.model;

/** A page id in one language. */
public record PageKey(String id, Language lang) {}
