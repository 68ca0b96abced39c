package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/categories"
)

// TestTables validates every verdict table of the repository
// (bench/realworld/*.tsv and the end-to-end table in testdata/e2e), so
// that a malformed row fails go test. Warnings are logged.
func TestTables(t *testing.T) {
	for _, dir := range []string{".", "testdata/e2e"} {
		tables, ps, err := LoadTables(dir, func(p string) string { return p })
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Warn {
				t.Log(p)
			} else {
				t.Error(p)
			}
		}
		for _, tb := range tables {
			t.Logf("%s: %d rows, %d settings", tb.Path, len(tb.Rows), len(tb.Settings))
		}
	}
}

// TestBadTables checks that each kind of mistake is caught, with its line.
func TestBadTables(t *testing.T) {
	_, ps, err := LoadTables("testdata/bad", func(p string) string { return filepath.ToSlash(p) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`testdata/bad/ctxgo.tsv:5: duplicate row: example.com/a@v1.0.0 a.go:10 rule cutshort is already on line 4`,
		`testdata/bad/ctxgo.tsv:6: row example.com/a@v1.0.0 a.go:10 rule - overlaps line 4 (rule cutshort): rule - matches every category`,
		`testdata/bad/ctxgo.tsv:8: line "ten" is not a positive number`,
		`testdata/bad/ctxgo.tsv:9: unknown verdict "reported" (want report, quiet or either)`,
		`testdata/bad/ctxgo.tsv:10: unknown kind "fixed" (want fix-before, fix-after or service)`,
		`testdata/bad/ctxgo.tsv:11: unknown rule "nolimit" for ctxgo (want - or one of cutshort, handover, unobserved)`,
		`testdata/bad/ctxgo.tsv:12: 8 tab-separated columns, want 9 (module version file line verdict kind rule why source)`,
		`testdata/bad/ctxgo.tsv:13: version "1.0.0" is not a module version (vX.Y.Z)`,
		`testdata/bad/ctxgo.tsv:14: version "v0.0.0-20240101120000-0123456789ab" is a pseudo-version; use a tagged version`,
		`testdata/bad/ctxgo.tsv:15: file "../a.go": is outside the module`,
		`testdata/bad/ctxgo.tsv:16: why is empty`,
		`testdata/bad/ctxgo.tsv:17: warning: source "issue 12" is not a URL`,
		`testdata/bad/ctxgo.tsv:4: warning: example.com/a has fix-before rows but no fix-after row in this table`,
		`testdata/bad/ctxgo.tsv:18: warning: example.com/b has fix-before rows but no fix-after row in this table`,
		`testdata/bad/envkeys.tsv:1: the first line must be the header "module\tversion\tfile\tline\tverdict\tkind\trule\twhy\tsource"`,
		`testdata/bad/lint.tsv:1: unknown check "lint" (a table is <check>.tsv, check one of envkeys, nocgo, ctxgo, dbpool, envparse, envtype, envsecret)`,
		`testdata/bad/ctxgo.modules.tsv:3: duplicate settings for example.com/a@v1.0.0 (line 2)`,
		`testdata/bad/ctxgo.modules.tsv:4: dir "/abs": must be relative to the module root`,
		`testdata/bad/ctxgo.modules.tsv:4: flag "json" does not start with -`,
		`testdata/bad/ctxgo.modules.tsv:4: env "CGO_ENABLED" is not VAR=value`,
		`testdata/bad/ctxgo.modules.tsv:4: files "nosuch": no directory testdata/bad/overlay/ctxgo/nosuch`,
		`testdata/bad/ctxgo.modules.tsv:5: warning: settings for example.com/c@v1.0.0, which no row of testdata/bad/ctxgo.tsv names`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(Errors(ps)); n != 18 {
		t.Errorf("%d errors, want 18", n)
	}
}

// TestScore matches envvet -json outputs (testdata/score/MOD@VER.json,
// with ROOT for the module copy's root) against testdata/score/dbpool.tsv
// and compares the figures and the printed report.
func TestScore(t *testing.T) {
	rows, ps, err := readTable("testdata/score/dbpool.tsv")
	if err != nil || len(Errors(ps)) > 0 {
		t.Fatal(err, ps)
	}
	tb := &Table{Check: "dbpool", Path: "testdata/score/dbpool.tsv", Rows: rows}
	runs := make(map[string]*Run)
	for _, r := range rows {
		if runs[r.ModVer()] != nil {
			continue
		}
		run := &Run{Check: "dbpool", Module: r.Module, Version: r.Version}
		runs[r.ModVer()] = run
		switch r.Module {
		case "example.com/broken":
			run.LoadFailed = "envvet: exit 1\na.go:1:1: expected 'package', found 'EOF'"
			continue
		case "example.com/gone":
			run.Unmeasured = "go mod download example.com/gone@v1.0.0: not found"
			continue
		}
		data, err := os.ReadFile(filepath.Join("testdata/score", strings.TrimPrefix(r.ModVer(), "example.com/")+".json"))
		if err != nil {
			t.Fatal(err)
		}
		root := "/copy/" + r.ModVer()
		data = bytes.ReplaceAll(data, []byte("ROOT"), []byte(root))
		run.Findings, run.Errors, err = parseJSON(data, "dbpool", root)
		if err != nil {
			t.Fatal(err)
		}
		if r.ModVer() == "example.com/fix@v1.3.0" {
			run.Partial = "envvet: exit 1\nscratch/scratch.go:3:9: undefined: y"
		}
	}
	if n := len(runs["example.com/svc@v1.0.0"].Findings); n != 5 {
		t.Errorf("svc: %d findings, want 5 (dbpool's, the test variant's repeat dropped)", n)
	}
	s := ScoreTable(tb, runs)
	want := map[string]Counts{
		"unlimited":  {TP: 2, FP: 2, Quiet: 1},
		"shared":     {FN: 1},
		"perrequest": {FP: 1, FN: 1, Unjudged: 1, Quiet: 2, Either: 1, EitherReported: 1},
		"-":          {Either: 1},
	}
	for name, c := range want {
		if got := s.ByRule[name]; got == nil || *got != c {
			t.Errorf("rule %s: %+v, want %+v", name, got, c)
		}
	}
	if len(s.ByRule) != len(want) {
		t.Errorf("rules %v, want %d", s.ByRule, len(want))
	}
	if total := (Counts{TP: 2, FP: 3, FN: 2, Unjudged: 1, Quiet: 3, Either: 2, EitherReported: 1}); s.Total != total {
		t.Errorf("total %+v, want %+v", s.Total, total)
	}
	if p, _ := s.Total.Precision(); p != 0.4 {
		t.Errorf("precision %v, want 0.4", p)
	}
	if r, _ := s.Total.Recall(); r != 0.5 {
		t.Errorf("recall %v, want 0.5", r)
	}
	var buf bytes.Buffer
	s.Print(&buf)
	PrintSummary(&buf, []*Score{s})
	golden := "testdata/score/want.txt"
	if os.Getenv("UPDATE") != "" {
		os.WriteFile(golden, buf.Bytes(), 0o644)
	}
	wantOut, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(wantOut) {
		t.Errorf("output:\n%s\nwant (%s; UPDATE=1 go test rewrites it):\n%s", buf.String(), golden, wantOut)
	}
}

func readTable(name string) ([]*Row, []Problem, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	check := strings.TrimSuffix(filepath.Base(name), ".tsv")
	rows, ps := ParseTable(check, name, data)
	return rows, ps, nil
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		file, rel string
		ok        bool
	}{
		{"/copy/m@v1/a/b.go", "a/b.go", true},
		{"/copy/m@v1/.env.example", ".env.example", true},
		{"/copy/m@v1.2/b.go", "", false},
		{"/root/go/pkg/mod/x@v1/b.go", "", false},
		{"b.go", "", false},
		{"-", "", false},
	} {
		rel, ok := within("/copy/m@v1", c.file)
		if rel != c.rel || ok != c.ok {
			t.Errorf("within(%q) = %q, %v, want %q, %v", c.file, rel, ok, c.rel, c.ok)
		}
	}
}

// TestCategories fails when a check emits a category that no rule
// matches: rows of that rule could then never match a finding. It reads
// the categories from the analyzers' source (internal/categories).
func TestCategories(t *testing.T) {
	for _, check := range knownChecks {
		cats, n, err := categories.FromSource(filepath.Join("../../analyzers", check))
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: no source files in ../../analyzers/%s", check, check)
		}
		known := make(map[string]bool)
		for _, c := range rules[check] {
			known[c] = true
		}
		for _, c := range cats {
			if !known[c] {
				t.Errorf("%s emits category %q, which no rule of the table format matches (add it to rules in table.go)", check, c)
			}
		}
		t.Logf("%s: categories %v", check, cats)
	}
}

// TestMalformedTableFails checks that the harness stops, exit status 2,
// before downloading anything when a table is malformed or a flag is bad.
func TestMalformedTableFails(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-envvet", "/nonexistent/envvet", "-tables", "testdata/bad"}, "realworld: 18 errors in the tables"},
		{[]string{"-envvet", "/nonexistent/envvet", "-tables", "testdata/score", "-checks", "lint"}, `realworld: unknown check "lint"`},
		{[]string{"-tables", "testdata/score"}, "usage: realworld -envvet PATH"},
	} {
		var stdout, stderr bytes.Buffer
		if code := realworld(c.args, &stdout, &stderr); code != 2 {
			t.Errorf("realworld %v: exit %d, want 2", c.args, code)
		}
		if !strings.Contains(stderr.String(), c.want) {
			t.Errorf("realworld %v: stderr\n%s\nwant %q", c.args, stderr.String(), c.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("realworld %v: stdout %q, want nothing", c.args, stdout.String())
		}
	}
}

func TestCleanStderr(t *testing.T) {
	in := "go: downloading example.com/x v1.0.0\n/copy/m@v1/a/b.go:3:4: undefined: y\nenvvet: withheld\n"
	want := "a/b.go:3:4: undefined: y\nenvvet: withheld\n"
	if got := cleanStderr(in, "/copy/m@v1"); got != want {
		t.Errorf("cleanStderr = %q, want %q", got, want)
	}
}

// TestRunEnvGOFLAGS checks that a row's GOFLAGS adds to the harness's
// -mod=mod instead of replacing it (the last GOFLAGS= wins in exec).
func TestRunEnvGOFLAGS(t *testing.T) {
	t.Setenv("GOFLAGS", "-trimpath")
	env := runEnv([]string{"HOME=/h"}, []string{"GOFLAGS=-tags=sqlite", "CGO_ENABLED=0"})
	var goflags []string
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "GOFLAGS="); ok {
			goflags = append(goflags, v)
		}
	}
	if len(goflags) != 1 || goflags[0] != "-trimpath -tags=sqlite -mod=mod" {
		t.Errorf("GOFLAGS entries %q, want one, \"-trimpath -tags=sqlite -mod=mod\"", goflags)
	}
	if !slices.Contains(env, "CGO_ENABLED=0") {
		t.Errorf("env %q lost CGO_ENABLED=0", env)
	}
}
