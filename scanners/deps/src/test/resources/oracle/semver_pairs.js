// Generates semver-pairs.tsv: random SemVer pairs ordered by npm's own `semver` package (bundled with npm).
// Run: node semver_pairs.js > semver-pairs.tsv
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
for (let i = 0; i < 6000; i++) {
  const a = pick(pool); const b = rnd() < 0.1 ? a : pick(pool);
  console.log(`${a}\t${b}\t${semver.compare(a, b)}`);
}
