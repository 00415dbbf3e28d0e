/** medguide: builds the bilingual guideline knowledge base from AsciiDoc into a static site. */
package dev.medguide;
