/** Helpers shared by the stages; not part of any stage's API. */
package dev.medguide.internal;
