/** Build configuration, read once into immutable records. */
package dev.medguide.config;
