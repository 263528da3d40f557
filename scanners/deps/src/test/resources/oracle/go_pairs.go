// Generates go-pairs.tsv and go-valid.tsv: Go module versions (generated and hand-picked: pseudo-versions,
// +incompatible, shorthand vMAJOR[.MINOR], leading zeros) ordered and validated by golang.org/x/mod/semver, the
// package the go command uses. Every version has the "v" that go.mod writes (ours also reads OSV's form without
// it, which x/mod rejects). Needs Go and x/mod: apt-get install -y golang-go golang-golang-x-mod-dev.
// Run: GO111MODULE=off GOPATH=/usr/share/gocode go run go_pairs.go   (writes both files next to this script)
package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/mod/semver"
)

var tricky = []string{
	"v0.0.0", "v0.0.1", "v1", "v1.2", "v1.2.0", "v1.2.3", "v1.10.0", "v1.9.9", "v2.0.0", "v2.0.0+incompatible",
	"v2.0.1+incompatible", "v24.0.7+incompatible", "v1.2.3+build.1", "v1.2.3-0", "v1.2.3-0.0", "v1.2.3-alpha",
	"v1.2.3-alpha.1", "v1.2.3-alpha.beta", "v1.2.3-beta.11", "v1.2.3-beta.2", "v1.2.3-rc.1", "v1.2.3-RC.1",
	"v0.0.0-20190308221718-c2843e01d9a2", "v0.0.0-20211004125949-5bd84dd9b33b", "v0.3.8-0.20211004125949-5bd84dd9b33b",
	"v1.2.4-0.20211004125949-5bd84dd9b33b", "v1.2.3-pre.0.20211004125949-5bd84dd9b33b", "v1.2.3-pre",
	"v2.0.0-20180818164646-67afb5ed74ec+incompatible", "v01.2.3", "v1.02.3", "v1.2.03", "v1.2.3-01", "v1.2.3-0a",
	"v1.2.3-a..b", "v1.2.3-", "v1.2.3+", "v1.2-pre", "v1.2+meta", "v1.2.3.4", "V1.2.3", "v", "v1.", "v1.2.",
	"v99999999999999999999.0.0", "v1.2.3-x-y", "v1.2.3--", "v1.2.3-a+b+c", "v0.0.0-00010101000000-000000000000",
}

func num(r *rand.Rand) string {
	return []string{"0", "0", "1", "2", "9", "10", "11", "99", "100", "01"}[r.Intn(10)]
}

func ident(r *rand.Rand) string {
	return []string{"alpha", "beta", "rc", "0", "1", "2", "10", "20211004125949", "5bd84dd9b33b", "pre", "x", "0a", "A"}[r.Intn(13)]
}

func generated(r *rand.Rand) string {
	v := "v" + num(r)
	switch r.Intn(10) {
	case 0:
	case 1:
		v += "." + num(r)
	default:
		v += "." + num(r) + "." + num(r)
	}
	if r.Intn(2) == 0 {
		n := 1 + r.Intn(3)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = ident(r)
		}
		v += "-" + strings.Join(ids, ".")
	}
	if r.Intn(8) == 0 {
		v += "+" + []string{"incompatible", "build", "001"}[r.Intn(3)]
	}
	return v
}

func main() {
	r := rand.New(rand.NewSource(1729))
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Dir(self)
	seen := map[string]bool{}
	var pool []string
	for _, v := range tricky {
		if !seen[v] {
			seen[v] = true
			pool = append(pool, v)
		}
	}
	for len(pool) < 800 {
		if v := generated(r); !seen[v] {
			seen[v] = true
			pool = append(pool, v)
		}
	}
	valid := write(dir, "go-valid.tsv", func(w *bufio.Writer) []string {
		var out []string
		for _, v := range pool {
			ok := 0
			if semver.IsValid(v) {
				ok = 1
				out = append(out, v)
			}
			fmt.Fprintf(w, "%s\t%d\n", v, ok)
		}
		return out
	})
	write(dir, "go-pairs.tsv", func(w *bufio.Writer) []string {
		n := 0
		for i := 0; i+1 < len(valid); i, n = i+1, n+1 {
			fmt.Fprintf(w, "%s\t%s\t%d\n", valid[i], valid[i+1], semver.Compare(valid[i], valid[i+1]))
		}
		for ; n < 6000; n++ {
			a := valid[r.Intn(len(valid))]
			b := a
			if r.Intn(10) != 0 {
				b = valid[r.Intn(len(valid))]
			}
			fmt.Fprintf(w, "%s\t%s\t%d\n", a, b, semver.Compare(a, b))
		}
		return nil
	})
	fmt.Fprintln(os.Stderr, "golang.org/x/mod/semver with", runtime.Version())
}

func write(dir, name string, body func(*bufio.Writer) []string) []string {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	return body(w)
}
