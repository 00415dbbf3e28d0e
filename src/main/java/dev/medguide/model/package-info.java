/** The content model: pages, languages, guidelines and how pages relate; plain immutable data. */
package dev.medguide.model;
