package dev.shipgate.core.scan;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import java.nio.file.Path;
import java.util.Optional;

/** What a scanner may see of the run and how it reports back. Implementations are thread-safe. */
public interface ScanContext {

  /** The directory scanned, on disk; files of a commit or the index are still named relative to it. */
  Path root();

  /** This family's section of the policy ({@code scanners.<family>}), validated against its setting keys. */
  Settings settings();

  /** Run options set on the command line for this family, e.g. {@code history} for secrets. */
  Optional<String> option(String name);

  /** True once the scanner's time budget is spent; long loops should check it and stop. */
  boolean cancelled();

  void report(Finding finding);

  /**
   * A fact about the run that every report must state (e.g. {@code advisory-database}: its age), under a key
   * unique to the fact; the last value for a key wins.
   */
  default void note(String key, String value) {}

  /** A file this scanner did not judge, and why (too large for its parser, generated, ...). */
  void skipped(String path, String reason);

  /**
   * A value computed once per scan and shared by every family that asks for the same key, so that families
   * reading the same files (java, arch and api all need the parsed Java sources) parse them once. The value
   * must depend only on the files the families are given, never on one family's settings.
   */
  <T> T shared(Class<T> key, java.util.function.Supplier<T> compute);

  /** A file this scanner failed on (malformed content); {@code line} is 0 when unknown. Fails the gate closed. */
  void error(String path, int line, String message);
}
