# Generates pep440-pairs.tsv: random PEP 440 version pairs ordered by the reference implementation,
# the `packaging` library (python3 -m pip show packaging). Run: python3 pep440_pairs.py > pep440-pairs.tsv
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
