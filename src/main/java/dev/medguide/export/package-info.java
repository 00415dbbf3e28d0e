/** Exports of the content for spreadsheets and other tools: the requirements catalogue. */
package dev.medguide.export;
