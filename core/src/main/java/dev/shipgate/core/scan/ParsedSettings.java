package dev.shipgate.core.scan;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;

/**
 * A family's policy section read into its own type once per {@link Settings} object: every file of a run
 * shares one section, and file scanners run in parallel, so reading it per file would repeat the work and
 * report a malformed value once per file. A malformed value is the policy file's error; the scan goes on with
 * the fallback.
 *
 * @param <T> the family's parsed settings
 */
public final class ParsedSettings<T> {

  /** Reads a section; a bad value is a {@link PolicyException} at its line. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(Settings settings) throws PolicyException;
  }

  private record Last<T>(Settings settings, T value) {}

  private final Reader<T> reader;
  private final T fallback;
  private volatile Last<T> last;

  public ParsedSettings(Reader<T> reader, T fallback) {
    this.reader = reader;
    this.fallback = fallback;
  }

  /**
   * Reads {@code settings} now and keeps the result for the scan, throwing what the reader throws: for
   * {@link Scanner#validate}, so that the policy loader reports a bad value as a configuration error.
   */
  public synchronized void validate(Settings settings) throws PolicyException {
    last = new Last<>(settings, reader.read(settings));
  }

  /** The section of {@code context}'s policy, read on first use; a policy error is reported to that context. */
  public T get(ScanContext context) {
    Settings settings = context.settings();
    Last<T> seen = last;
    if (seen != null && seen.settings() == settings) {
      return seen.value();
    }
    return read(context, settings);
  }

  /** Synchronized so that parallel scans of one run read the section, and report a problem in it, once. */
  private synchronized T read(ScanContext context, Settings settings) {
    Last<T> seen = last;
    if (seen != null && seen.settings() == settings) {
      return seen.value();
    }
    T value;
    try {
      value = reader.read(settings);
    } catch (PolicyException e) {
      // The policy file as the loader named it, an absolute path shortened to the file name.
      String file = settings.file().replace('\\', '/');
      context.error(file.startsWith("/") ? file.substring(file.lastIndexOf('/') + 1) : file, e.line(), e.getMessage());
      value = fallback;
    }
    last = new Last<>(settings, value);
    return value;
  }
}
