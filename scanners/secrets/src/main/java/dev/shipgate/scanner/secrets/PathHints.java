package dev.shipgate.scanner.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Path and line context that makes a match less likely to be a live credential. These hints lower
 * confidence; they never drop a finding, since real keys do end up in "example" files and lockfiles.
 */
final class PathHints {

  private PathHints() {}

  private static final Set<String> BINARY_EXTENSIONS = Set.of(
      "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "psd", "heic", "avif",
      "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "apk", "aar", "whl",
      "class", "so", "dll", "dylib", "exe", "o", "a", "lib", "obj", "bin", "pyc", "pyo", "wasm", "dex",
      "ttf", "otf", "woff", "woff2", "eot", "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm",
      "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "sqlite", "db", "parquet", "avro", "orc",
      "npy", "npz", "pt", "onnx", "safetensors", "h5", "pkl", "iso", "dmg", "img");

  private static final Set<String> LOCKFILES = Set.of(
      "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "go.sum", "cargo.lock",
      "poetry.lock", "pipfile.lock", "composer.lock", "gemfile.lock", "packages.lock.json", "gradle.lockfile",
      "bun.lock", "uv.lock", "flake.lock", "mix.lock", "pubspec.lock");

  private static final Set<String> FAKE_WORDS = Set.of(
      "fake", "fakes", "example", "examples", "sample", "samples", "dummy", "mock", "mocks", "testdata", "fixture", "fixtures");

  /** Cheap name test: obvious binary formats are never read. */
  static boolean isBinaryName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.equals(".ds_store")) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** Why the file's location lowers confidence, or null. */
  static String pathReason(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = lower.substring(lower.lastIndexOf('/') + 1);
    if (LOCKFILES.contains(name)) {
      return "lockfile";
    }
    if (name.endsWith(".min.js") || name.endsWith(".min.css") || name.endsWith(".bundle.js") || name.endsWith(".map")) {
      return "minified or generated bundle";
    }
    if (name.endsWith(".svg")) {
      return "SVG image";
    }
    // Words between / . _ - (no String.split: its regex was visible in the profile).
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      if (i == lower.length() || "/._-".indexOf(lower.charAt(i)) >= 0) {
        if (i > start && FAKE_WORDS.contains(lower.substring(start, i))) {
          return "path names fake or example data";
        }
        start = i + 1;
      }
    }
    return null;
  }

  /** Why the line around the match lowers confidence, or null. */
  static String lineReason(String line) {
    if (line.length() > 1000) {
      return "very long line (minified or generated)";
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.contains("data:image/") || lower.contains(";base64,")) {
      return "inline base64 data";
    }
    if (lower.contains("\"integrity\"") || lower.contains("integrity sha")) {
      return "lockfile integrity hash";
    }
    return null;
  }
}
