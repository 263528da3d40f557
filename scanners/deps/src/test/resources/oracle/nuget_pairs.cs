// Generates nuget-pairs.tsv (random NuGet version pairs ordered by NuGet.Core 2.8.7's SemanticVersion, Debian's
// libnuget-core-cil) and nuget-valid.tsv (hand-picked and generated strings, and whether SemanticVersion.TryParse
// accepts them). NuGet.Core 2.x predates SemVer 2, so both files keep to the strings on which it and today's
// NuGet.Versioning provably agree (Agrees below; the README's "Version semantics" lists what is left out and why).
// Run here: mcs -r:/usr/lib/nuget/NuGet.Core.dll -out:/tmp/nuget_pairs.exe nuget_pairs.cs &&
//           MONO_PATH=/usr/lib/nuget mono /tmp/nuget_pairs.exe   (writes both files into the current directory)
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NuGet;

class NuGetPairs {
  static long seed = 2024;
  static double Rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648.0; }
  static T Pick<T>(T[] xs) { return xs[(int) (Rnd() * xs.Length)]; }

  static readonly string[] Numbers = {"0", "0", "1", "1", "2", "9", "10", "11", "00", "01", "010", "99", "100", "2023",
      "20230101", "2147483647"};
  static readonly string[] Labels = {"alpha", "Alpha", "ALPHA", "alpha2", "alpha10", "beta", "Beta", "beta1",
      "beta-09", "beta-10", "rc", "RC", "rc1", "Rc1", "rc2", "RC10", "preview", "preview-3", "preview-10",
      "preview3-final", "a", "A", "z", "zzz", "x-y", "dev", "dev-20230101", "ci-0042", "pre", "final", "r-"};

  static string Version() {
    int parts = 2 + (int) (Rnd() * 3);
    var v = string.Join(".", Enumerable.Range(0, parts).Select(i => Pick(Numbers)).ToArray());
    return Rnd() < 0.5 ? v + "-" + Pick(Labels) : v;
  }

  // Another spelling of the same version: missing parts as zeros, leading zeros, the label in another case.
  static string Respell(string v) {
    var dash = v.IndexOf('-');
    var nums = (dash < 0 ? v : v.Substring(0, dash)).Split('.').ToList();
    var label = dash < 0 ? "" : v.Substring(dash);
    if (nums.Count < 4 && Rnd() < 0.5) nums.Add("0");
    else if (nums.Count > 2 && nums[nums.Count - 1].Trim('0') == "") nums.RemoveAt(nums.Count - 1);
    else nums[0] = "0" + nums[0];
    label = Rnd() < 0.5 ? label.ToUpperInvariant() : label.ToLowerInvariant();
    return string.Join(".", nums.ToArray()) + label;
  }

  // True when NuGet.Core 2.x and NuGet.Versioning (3+) decide the string alike. Both trim with String.Trim and read
  // the numbers with System.Version (2 to 4 Int32 parts); they differ on build metadata (2.x rejects any), on labels
  // with dots or not starting with a letter (2.x rejects them, 3+ reads SemVer 2 identifiers), on a single number
  // (3+ appends ".0"), on white space inside (3+ hands "1.0 " to System.Version before the "-"), and on non-ASCII
  // characters (3+ takes ASCII only; 2.x's \d and case-insensitive [a-z] are Unicode-aware, so its answer rests on the
// regex engine). Over 256 characters is our own limit.
  static bool Agrees(string s) {
    var t = s.Trim();
    if (t.Length == 0) return true; // both reject blank strings
    if (s.Length > 256 || t.Any(c => c < '!' || c > '~') || t.Contains("+")) return false;
    var dash = t.IndexOf('-');
    var number = dash < 0 ? t : t.Substring(0, dash);
    var label = dash < 0 ? "" : t.Substring(dash + 1);
    if (!number.Contains(".") || label.Contains(".")) return false;
    return label.Length == 0 || char.IsLetter(label[0]);
  }

  static bool Valid(string s) { SemanticVersion v; return SemanticVersion.TryParse(s, out v); }

  static void Main() {
    var pool = new List<string>();
    while (pool.Count < 600) { var v = Version(); if (Agrees(v) && Valid(v)) pool.Add(v); }
    var pairs = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      var a = Pick(pool.ToArray());
      var r = Rnd();
      var b = r < 0.1 ? a : r < 0.25 ? Respell(a) : Pick(pool.ToArray());
      if (!Agrees(b) || !Valid(b)) b = a;
      var c = Math.Sign(SemanticVersion.Parse(a).CompareTo(SemanticVersion.Parse(b)));
      pairs.Append(a).Append('\t').Append(b).Append('\t').Append(c).Append('\n');
    }
    File.WriteAllText("nuget-pairs.tsv", pairs.ToString());

    var tricky = new[] {"1.0", "1.0.0", "1.0.0.0", "1.0.0.0.0", "1", "01.02", "1.00.0", "0.0", "1.2.3.4", "1.2.3.4-beta",
        "2147483647.0", "2147483648.0", "1.2147483647", "1.2147483648", "1.2.3.2147483647", "99999999999.0",
        "v1.0.0", "V1.0", "=1.0", " 1.0", "1.0 ", " 1.0.0-rc ", "\u000b1.0", "\f1.0", "\u00a01.0", "1.0\u00a0",
        "\u20031.0", "\u30001.0", "\u16801.0", "\u202f1.0", "\u205f1.0", "\u00851.0", "\ufeff1.0", "\u001c1.0",
        "1.0-", "1.0--", "1.0-a-", "1.0-a--b", "1.0-rc-1", "1.0-Rc_1", "1.0-a b", "1.0-a\u00e9", "1.0-\u00e9",
        "1.0.0-alpha", "1.0.0-ALPHA", "1.0.0-\u212a", "1.0-beta10", "1.0-preview3-final", "1.0-zzzzzzzzzzzzzzzzzzzzzzzzzz",
        "1..0", ".1.0", "1.0.", "1.0.-rc", "1.-1", "-1.0", "1.0-.rc", "a.b", "1.a", "1.0a", "1.0.0a-rc", "", " ", "-",
        "1.0\u0660", "\u0661.0", "\uff11.0", "1.0-beta\u0661", "1,0", "1.0_rc", "1.0~rc", "1.0-r!c", "1.0#"};
    var candidates = new List<string>(tricky);
    var prefixes = new[] {"v", "=", " ", "0", "V", "\u00a0", ".", "-"};
    var suffixes = new[] {" ", "-", ".0", ".", "x", "\u3000", "-b", "_"};
    for (int i = 0; i < 500; i++) {
      var v = Version();
      var r = Rnd();
      candidates.Add(r < 0.15 ? Pick(prefixes) + v : r < 0.3 ? v + Pick(suffixes) : v);
    }
    var valid = new StringBuilder();
    var seen = new HashSet<string>();
    int kept = 0;
    foreach (var s in candidates) {
      if (!seen.Add(s) || !Agrees(s)) continue;
      valid.Append(s).Append('\t').Append(Valid(s) ? 1 : 0).Append('\n');
      kept++;
    }
    File.WriteAllText("nuget-valid.tsv", valid.ToString());
    Console.Error.WriteLine("NuGet.Core " + typeof(SemanticVersion).Assembly.GetName().Version + ": 6000 pairs, "
        + kept + " strings of " + seen.Count);
  }
}
