/** Stage 2, render: JBake's Oven with our AsciiDoc engine and Freemarker templates. */
package dev.medguide.render;
