/** Stage 5, publish: swaps the staged site into the output folder only after a clean build. */
package dev.medguide.publish;
