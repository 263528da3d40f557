# Generates pep440-pairs.tsv: random PEP 440 version pairs ordered by the reference implementation,
# the `packaging` library (python3 -m pip show packaging), and pep440-valid.tsv: hand-picked and generated strings
# and whether packaging's Version accepts them. Run: python3 pep440_pairs.py > pep440-pairs.tsv
import random
from packaging.version import Version

random.seed(440)

def num():
    return str(random.choice([0, 0, 1, 2, 3, 9, 10, 11, 99, 100, 2020, 20231231]))

def version():
    v = ""
    if random.random() < 0.1:
        v += num() + "!"
    v += ".".join(num() for _ in range(random.randint(1, 4)))
    r = random.random()
    if r < 0.35:
        v += random.choice(["a", "b", "rc", "alpha", "beta", "c", "pre", "preview", ".a", "-rc", "_b"]) + random.choice(["", num()])
    if random.random() < 0.25:
        v += random.choice([".post", "post", "-", ".rev", "-r"]) + num()
    if random.random() < 0.25:
        v += random.choice([".dev", "dev", "-dev"]) + random.choice(["", num()])
    if random.random() < 0.15:
        v += "+" + ".".join(random.choice(["ubuntu", "abc", num(), "1", "x7"]) for _ in range(random.randint(1, 3)))
    if random.random() < 0.05:
        v = v.upper()
    return v

pool = []
while len(pool) < 600:
    v = version()
    try:
        Version(v)
        pool.append(v)
    except Exception:
        pass
for _ in range(6000):
    a, b = random.choice(pool), random.choice(pool)
    if random.random() < 0.1:
        b = a
    va, vb = Version(a), Version(b)
    print(f"{a}\t{b}\t{(va > vb) - (va < vb)}")

TRICKY = ["1.0", "v1.0", "V1.0", " 1.0 ", "1..0", "1.0.", ".1", "1.0-", "1.0+", "1.0+a..b", "1.0+a_b-c.d",
          "1.0+é", "1!", "!1.0", "1!1.0", "01", "1.0a", "1.0alpha", "1.0.a1", "1.0-a1", "1.0_a1", "1.0a.1", "1.0a-1",
          "1.0c1", "1.0pre1", "1.0preview", "1.0rc", "1.0.post", "1.0post", "1.0-post1", "1.0-1", "1.0-r1", "1.0rev1",
          "1.0.dev", "1.0dev1", "1.0-dev1", "1.0_dev1", "1.0.dev-1", "1.0a1.post1.dev1", "1.0.post1a1", "1.0dev1a1",
          "1.0-1-1", "1.0+local+more", "1.0.0.0.0.0.0", "1.0a1+local", "0!0", "1.0 beta", "1.0b", "1.0B1", "1.0RC1",
          "", " ", "a", "1.x", "1.*", "1.0.*", "latest", "2024.01.01", "1.0+-", "1.0+.a", "1.0.post-1", "1.0-post"]
candidates = list(dict.fromkeys(TRICKY + [version() for _ in range(400)]
                                + [random.choice(["", "v", " "]) + version() + random.choice(["", "-", "+", ".", "_x", " "]) for _ in range(200)]))
with open(__file__.rsplit("/", 1)[0] + "/pep440-valid.tsv" if "/" in __file__ else "pep440-valid.tsv", "w") as f:
    for v in candidates:
        try:
            Version(v)
            ok = 1
        except Exception:
            ok = 0
        f.write(f"{v}\t{ok}\n")
