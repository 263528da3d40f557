package dev.shipgate.report;

import dev.shipgate.core.gate.ScanReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Turns a finished {@link ScanReport} into one output format. Writers print only what the report holds
 * (snippets, messages, properties that scanners already redacted); they never read source files.
 */
public interface ReportWriter {

  /** The format name users pass on the command line: {@code terminal}, {@code json}, {@code sarif}, ... */
  String kind();

  /** Writes the whole report; the same report always yields the same characters. Does not close {@code out}. */
  void write(ScanReport report, Writer out) throws IOException;
}
