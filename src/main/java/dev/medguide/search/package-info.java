/** Searching a built site's Lucene index: query analysis, glossary expansion, BM25, snippets. */
package dev.medguide.search;
