# Python twin of the test-side sample generators (Samples.java), used only to write static fixtures.
import base64, json, os, random, re, sys, zlib, yaml
rnd = random.Random(20261122)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CS = {"b62": B62, "hex": "0123456789abcdef", "HEX": "0123456789ABCDEF", "b64": B62 + "+/", "b64u": B62 + "_-",
      "b32u": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "bech32u": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
      "alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "digit": "0123456789",
      "ualnum": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "lalnum": "abcdefghijklmnopqrstuvwxyz0123456789"}
def b62(v, w=6):
    s = ""
    while v > 0:
        s = B62[v % 62] + s; v //= 62
    return s.rjust(w, "0")
def chars(cs, n): return "".join(rnd.choice(CS[cs]) for _ in range(n))
def jwt(alg, signed):
    e = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")
    h = e(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    p = e(json.dumps({"sub": chars("hex", 12), "iss": "https://auth.internal", "iat": 1700000000 + rnd.randint(0, 10**7), "scope": "admin"}, separators=(",", ":")).encode())
    return h + "." + p + "." + (chars("b64u", 43) if signed else "")
def pem(t, nl):
    body = base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(900 if "PGP" in t else 600))).decode()
    out = "-----BEGIN " + t + "-----" + nl + (nl if "PGP" in t else "")
    for i in range(0, len(body), 64): out += body[i:i+64] + nl
    return out + "-----END " + t + "-----"
PREV = [""]
def expand(t):
    prev = PREV
    def rep(m):
        kind, arg = m.group(1).lstrip("~"), m.group(2)
        if kind == "crc": v = b62(zlib.crc32(prev[0].encode()) & 0xffffffff)
        elif kind == "jwt": v = jwt("HS256", True)
        elif kind == "jwt-none": v = jwt("none", False)
        elif kind == "jwt-b64": v = base64.b64encode(jwt("HS256", True).encode()).decode()
        elif kind == "pem": v = pem(arg, "\n")
        elif kind == "basic": v = base64.b64encode(("svc-" + chars("lalnum", 5) + ":" + chars("b62", 16)).encode()).decode()
        elif kind == "pem-escaped": v = pem(arg, "\\n")
        elif kind == "b64pem": v = base64.b64encode(pem(arg, "\n").encode()).decode()
        elif kind == "b64bytes": v = base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(int(arg)))).decode()
        else: v = chars(kind, int(arg))
        prev[0] = v
        return v
    return re.sub(r"\[\[(~?[a-zA-Z0-9-]+)(?::([^\]]+))?\]\]", rep, t)
if __name__ == "__main__":
    print(expand(sys.argv[1]))
