/** Stage 1, load: reads page headers and data files, validates them, builds the content model. */
package dev.medguide.load;
