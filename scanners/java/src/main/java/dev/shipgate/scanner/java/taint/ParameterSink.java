package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Location;
import dev.shipgate.scanner.java.frontend.MethodInfo;

/**
 * A parameter of a method without a body whose value reaches a sink outside the Java code, such as a MyBatis
 * mapper method whose statement pastes the parameter into SQL: callers passing request data are reported at
 * {@code at}, as for a sink inside a method.
 */
public record ParameterSink(MethodInfo method, int param, String rule, Location at, String label) {}
