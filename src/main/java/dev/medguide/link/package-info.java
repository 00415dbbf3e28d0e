/** Stage 3, link: jsoup post-processing of the rendered pages and the link and anchor check. */
package dev.medguide.link;
