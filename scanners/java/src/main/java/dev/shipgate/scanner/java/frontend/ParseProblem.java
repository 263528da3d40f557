package dev.shipgate.scanner.java.frontend;

/** A syntax error that stopped a file from being analysed; {@code line} is 0 when unknown. */
public record ParseProblem(String path, int line, String message) {}
