package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Rule;

/** Reports a finding at a tree of the file being analysed, optionally with the flow that led there. */
public interface Reporter {

  void report(Rule rule, Tree at, String message, Step path);

  /** With facts the scanner reads afterwards ({@code Finding.properties}), e.g. a value to compare with the policy. */
  void reportWith(Rule rule, Tree at, String message, java.util.Map<String, String> properties);
}
