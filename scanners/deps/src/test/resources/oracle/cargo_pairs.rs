// Generates cargo-pairs.tsv and cargo-valid.tsv: crate versions (generated and hand-picked) parsed and ordered by
// the `semver` crate that Cargo uses. Order is SemVer precedence: the crate's Ord with build metadata cleared,
// because the crate also orders build metadata (1.0.0+a < 1.0.0+b) while precedence, OSV and crates.io do not.
// Run: sh cargo_pairs.sh   (builds this file against Debian's librust-semver-dev offline, writes next to it)
use semver::{BuildMetadata, Version};
use std::cmp::Ordering;
use std::fs::File;
use std::io::{BufWriter, Write};

const TRICKY: &[&str] = &[
    "0.0.0", "0.0.1", "0.1.0", "1.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
    "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.1", "1.1.0", "2.0.0", "1.0.0-0", "1.0.0-0.0", "1.0.0-a-b",
    "1.0.0-0a", "1.0.0-A", "1.0.0-a", "1.0.0+build", "1.0.0+build.2", "0.11.0+wasi-snapshot-preview1",
    "0.9.0+wasi-snapshot-preview1", "1.0.0-alpha+001", "18446744073709551615.0.0", "18446744073709551616.0.0",
    "1.0.0-18446744073709551616", "01.0.0", "1.00.0", "1.0.00", "1.0.0-01", "1.0", "1", "v1.0.0", "=1.0.0", " 1.0.0",
    "1.0.0 ", "1.0.0-", "1.0.0+", "1.0.0-a..b", "1.0.0-a_b", "1.0.0+a_b", "1.0.0.0", "1.0.0-alpha.-1", "1.0.0--",
    "1.0.0-x-y-z.--", "1.2.3-rc.1+build.5", "0.3.0-pre.0", "0.3.0-pre", "1.0.0-rc.10", "1.0.0-rc.9",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len())]
    }
}

fn generated(r: &mut Rng) -> String {
    let nums = ["0", "0", "1", "2", "9", "10", "11", "99", "100", "01"];
    let ids = ["alpha", "beta", "rc", "0", "1", "2", "10", "x", "0a", "A", "pre", "a-b", "01"];
    let mut v = format!("{}.{}.{}", r.pick(&nums), r.pick(&nums), r.pick(&nums));
    if r.next(2) == 0 {
        let n = 1 + r.next(3);
        let parts: Vec<&str> = (0..n).map(|_| r.pick(&ids)).collect();
        v += &format!("-{}", parts.join("."));
    }
    if r.next(7) == 0 {
        v += &format!("+{}", r.pick(&["build", "001", "sha.5114f85", "wasi-snapshot-preview1"]));
    }
    v
}

fn precedence(v: &str) -> Version {
    let mut p = Version::parse(v).unwrap();
    p.build = BuildMetadata::EMPTY;
    p
}

fn sign(o: Ordering) -> i32 {
    match o { Ordering::Less => -1, Ordering::Equal => 0, Ordering::Greater => 1 }
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).expect("output directory");
    let mut r = Rng(1729);
    let mut pool: Vec<String> = Vec::new();
    for t in TRICKY {
        pool.push(t.to_string());
    }
    while pool.len() < 800 {
        let v = generated(&mut r);
        if !pool.contains(&v) {
            pool.push(v);
        }
    }
    let mut valid = Vec::new();
    let mut w = BufWriter::new(File::create(format!("{}/cargo-valid.tsv", dir))?);
    for v in &pool {
        let ok = Version::parse(v).is_ok();
        writeln!(w, "{}\t{}", v, ok as i32)?;
        if ok {
            valid.push(v.clone());
        }
    }
    let mut w = BufWriter::new(File::create(format!("{}/cargo-pairs.tsv", dir))?);
    let mut n = 0;
    for i in 0..valid.len() - 1 {
        writeln!(w, "{}\t{}\t{}", valid[i], valid[i + 1], sign(precedence(&valid[i]).cmp(&precedence(&valid[i + 1]))))?;
        n += 1;
    }
    while n < 6000 {
        let a = &valid[r.next(valid.len())];
        let b = if r.next(10) == 0 { a } else { &valid[r.next(valid.len())] };
        writeln!(w, "{}\t{}\t{}", a, b, sign(precedence(a).cmp(&precedence(b))))?;
        n += 1;
    }
    Ok(())
}
