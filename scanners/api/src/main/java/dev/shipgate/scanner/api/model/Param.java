package dev.shipgate.scanner.api.model;

/** A request parameter a handler binds: {@code in} is {@code path} or {@code query}. */
public record Param(String name, String in, boolean required) {}
