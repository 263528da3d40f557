<?php
// Generates composer-pairs.tsv, composer-valid.tsv and composer-ranges.tsv: Packagist versions (generated and
// hand-picked tricky ones) ordered as Composer orders them: composer/semver's VersionParser::normalize, then
// Constraint::versionCompare (PHP's version_compare) on the normalised forms. A version is valid when normalize
// accepts it and it is not a dev branch ("dev-main"), which Composer never orders against versions.
// Needs PHP and composer/semver: apt-get install -y php-cli php-composer-semver (Debian's copy of composer/semver).
// Run: php composer_pairs.php   (writes the three files next to this script)
require_once getenv('COMPOSER_SEMVER') ?: '/usr/share/php/Composer/Semver/autoload.php';

use Composer\Semver\Constraint\Constraint;
use Composer\Semver\Constraint\MultiConstraint;
use Composer\Semver\VersionParser;

mt_srand(1729);
$parser = new VersionParser();
function pick(array $xs) { return $xs[mt_rand(0, count($xs) - 1)]; }

$tricky = [
  '0', '0.0', '1', '1.0', '1.0.0', '1.0.0.0', 'v1.0.0', 'V1.0.0', 'v1', '01.02.03', '1.0.0.1', '1.2.3.4', '99999.0.0',
  '100000.0.0', '1.0.0-dev', '1.0.0-alpha', '1.0.0-alpha1', '1.0.0-alpha.1', '1.0.0-alpha-1', '1.0.0alpha1', '1.0.0a1',
  '1.0.0-a', '1.0.0-ALPHA2', '1.0.0-beta', '1.0.0-beta1', '1.0.0-b1', '1.0.0-BETA.2', '1.0.0-beta10', '1.0.0-beta9',
  '1.0.0-RC1', '1.0.0-rc1', '1.0.0-rc.1', '1.0.0-RC', '1.0.0-rc10', '1.0.0-patch1', '1.0.0-pl1', '1.0.0-p1', '1.0.0-p',
  '1.0.0.p2', '1.0.0-stable', '1.0.0-beta1-dev', '1.0.0-RC1-dev', '1.0.0.dev', '1.0.0-beta.1.2', '1.0.0-beta1.2',
  '1.0.0+build', '1.0.0-beta1+build.5', '1.0.0@beta', '1.0.0@dev', '1.0.0 as 2.0.0', '1.x-dev', '1.0.x-dev', '2.x-dev',
  '1.2.x-dev', 'v2.x-dev', '1.*-dev', 'dev-master', 'dev-main', 'master', 'trunk', 'default', 'dev-feature/x',
  '20231231', '2023-12-31', '2023.12.31', '2023.12.31.1', '20231231120000', '2023-12-31-beta1', '2023.12.31.0',
  '1.0.0-foo', '1.0.0-rc1-2', '1.0.0-beta.x', 'foo', '', ' ', '1.0.0 ', ' 1.0.0', '1..0', '1.0.', '.1', '-1.0',
  '1.0.0-', 'v', '1.0.0-alpha.beta', '1.0.0_beta1', '1.0.0beta', '1.0.0-Beta', '1.0.0-rC1', '3.4.0-BETA', '4.4.0-RC2',
  '5.4.10', '5.4.9', '6.0.0-BETA1', '6.0.0', '7.4.0', '10.0.0', '2.0.0-alpha.1', '3.0.0-alpha-2', '1.0.0.0-dev',
  '1.0.0.0-beta1', '1.0-beta', '1-beta', '1.0.0-patch', '1.0.0-pl', '1.0.0-patch.1', '1.0.0-patch-1', '1.0.0-patch1-dev',
];

function num() { return pick(['0', '0', '1', '2', '3', '9', '10', '11', '99', '100', '00', '01', '2023']); }
function generated() {
  $v = (mt_rand(0, 9) < 2 ? pick(['v', 'V']) : '') . implode('.', array_map(fn() => num(), range(1, mt_rand(1, 4))));
  $r = mt_rand(0, 99);
  if ($r < 45) {
    $v .= pick(['-', '.', '_', '', '-', '-']) . pick(['alpha', 'a', 'beta', 'b', 'RC', 'rc', 'patch', 'pl', 'p', 'stable', 'dev', 'ALPHA', 'Beta', 'BETA'])
      . pick(['', num(), '.' . num(), '-' . num(), num() . '.' . num()]);
  }
  if (mt_rand(0, 99) < 10) { $v .= pick(['-dev', '.dev', 'dev']); }
  if (mt_rand(0, 99) < 5) { $v .= '+' . pick(['build', '001', 'sha.5114f85']); }
  if (mt_rand(0, 99) < 4) { $v = pick(['1', '2', '1.0', '2.3']) . pick(['.x', '.*', '']) . '-dev'; }
  return $v;
}

$pool = $tricky;
while (count($pool) < 900) { $pool[] = generated(); }
$pool = array_values(array_unique($pool));

// null when Composer would not order the version: normalize rejects it, or it is a dev branch.
function norm(VersionParser $p, string $v) {
  try { $n = $p->normalize($v); } catch (UnexpectedValueException $e) { return null; }
  return strpos($n, 'dev-') === 0 ? null : $n;
}
function cmp(string $na, string $nb): int {
  // Constraint::versionCompare is what Composer's solver and constraints use; it is version_compare for non-branches.
  $c = new Constraint('==', $na);
  if ($c->versionCompare($na, $nb, '==')) { return 0; }
  return $c->versionCompare($na, $nb, '<') ? -1 : 1;
}

$dir = __DIR__;
$valid = [];
$out = fopen("$dir/composer-valid.tsv", 'w');
foreach ($pool as $v) {
  $n = norm($parser, $v);
  fwrite($out, "$v\t" . ($n === null ? 0 : 1) . "\n");
  if ($n !== null) { $valid[$v] = $n; }
}
fclose($out);

$keys = array_keys($valid);
$out = fopen("$dir/composer-pairs.tsv", 'w');
$lines = 0;
for ($i = 0; $i + 1 < count($keys); $i++, $lines++) {
  fwrite($out, "{$keys[$i]}\t{$keys[$i + 1]}\t" . cmp($valid[$keys[$i]], $valid[$keys[$i + 1]]) . "\n");
}
for (; $lines < 8000; $lines++) {
  $a = pick($keys); $b = mt_rand(0, 9) == 0 ? $a : pick($keys);
  fwrite($out, "$a\t$b\t" . cmp($valid[$a], $valid[$b]) . "\n");
}
fclose($out);

// OSV ranges (introduced = ">=", fixed = "<", last_affected = "<=") evaluated by composer/semver's constraints on
// normalised versions, without the "-dev" widening that parseConstraint adds to user-written constraints.
$bounds = array_values(array_filter($keys, fn($k) => trim($k) !== ''));
usort($bounds, fn($a, $b) => cmp($valid[$a], $valid[$b]));
$out = fopen("$dir/composer-ranges.tsv", 'w');
for ($n = 0; $n < 3000; $n++) {
  $i = mt_rand(0, count($bounds) - 31);
  $lo = $bounds[$i]; $hi = $bounds[$i + mt_rand(0, 25)]; $v = $bounds[max(0, $i + mt_rand(-3, 28))];
  $kind = mt_rand(0, 9) < 8 ? 'fixed' : 'last_affected';
  $range = new MultiConstraint([new Constraint('>=', $valid[$lo]), new Constraint($kind === 'fixed' ? '<' : '<=', $valid[$hi])], true);
  fwrite($out, "$lo\t$kind\t$hi\t$v\t" . ($range->matches(new Constraint('==', $valid[$v])) ? 1 : 0) . "\n");
}
fclose($out);
fwrite(STDERR, 'PHP ' . PHP_VERSION . ', composer/semver from ' . dirname((new ReflectionClass(VersionParser::class))->getFileName()) . "\n");
