/** The build orchestrator: runs load, render, link and publish in order. */
package dev.medguide.pipeline;
