/** The 'serve' command's embedded Jetty: the built site plus the search API. */
package dev.medguide.serve;
