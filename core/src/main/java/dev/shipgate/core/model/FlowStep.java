package dev.shipgate.core.model;

/** One step of a data flow from a source to a sink, for SARIF {@code codeFlows} and the terminal. */
public record FlowStep(Location location, String message) {}
