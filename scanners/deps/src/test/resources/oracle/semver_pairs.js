// Generates semver-pairs.tsv (random SemVer pairs ordered by npm's own `semver` package, bundled with npm) and
// semver-valid.tsv (hand-picked and generated strings, and whether semver.valid accepts them).
// Run: node semver_pairs.js   (writes both files next to this script)
const fs = require('fs');
const path = require('path');
const semver = require(process.env.SEMVER || '/usr/lib/node_modules/npm/node_modules/semver');
let seed = 2024;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const num = () => pick(['0', '0', '1', '2', '9', '10', '11', '99', '100', '20230101']);
const ident = () => pick(['alpha', 'beta', 'rc', 'x', 'A', 'alpha-1', '0', '1', '2', '10', '11', '20211004125949', '5bd84dd9b33b', '0a']);
function version() {
  let v = `${num()}.${num()}.${num()}`;
  if (rnd() < 0.5) {
    const n = 1 + Math.floor(rnd() * 3);
    v += '-' + Array.from({ length: n }, ident).join('.');
  }
  if (rnd() < 0.15) v += '+' + pick(['build', '001', 'sha.5114f85', 'incompatible']);
  return v;
}
const pool = [];
while (pool.length < 600) { const v = version(); if (semver.valid(v)) pool.push(v); }
const pairs = [];
for (let i = 0; i < 6000; i++) {
  const a = pick(pool); const b = rnd() < 0.1 ? a : pick(pool);
  pairs.push(`${a}\t${b}\t${semver.compare(a, b)}\n`);
}
fs.writeFileSync(path.join(__dirname, 'semver-pairs.tsv'), pairs.join(''));

const tricky = ['1.2.3', 'v1.2.3', 'V1.2.3', '=1.2.3', ' 1.2.3 ', '  v1.2.3', 'v 1.2.3', '1.2', '1', '1.2.3.4', '01.2.3',
  '1.02.3', '1.2.03', '1.2.3-01', '1.2.3-0', '1.2.3-0a', '1.2.3-', '1.2.3+', '1.2.3-a..b', '1.2.3-a_b', '1.2.3+a_b',
  '1.2.3-alpha+build+x', '9007199254740991.0.0', '9007199254740992.0.0', '1.9007199254740992.0', '1.2.3-9007199254740992',
  '1.2.3--', '1.2.3-x-y', '\u000b1.2.3', '\ufeff1.2.3', '\u00a01.2.3', 'x.2.3', '1.2.x', '1.2.3-beta.1+build.5', '', ' ', 'v', '0.0.0'];
const candidates = tricky.concat(Array.from({ length: 400 }, () => rnd() < 0.3 ? version().replace(/^/, pick(['v', '=', ' ', '0', 'V'])) : version()));
fs.writeFileSync(path.join(__dirname, 'semver-valid.tsv'),
  [...new Set(candidates)].map((v) => `${v}\t${semver.valid(v) === null ? 0 : 1}\n`).join(''));
console.error(`semver ${require(path.join(path.dirname(require.resolve(process.env.SEMVER || '/usr/lib/node_modules/npm/node_modules/semver')), 'package.json')).version}`);
