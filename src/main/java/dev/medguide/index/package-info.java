/** Stage 4, index: Lucene/Kuromoji index of the published text and its static JavaScript export. */
package dev.medguide.index;
