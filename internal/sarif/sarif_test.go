package sarif_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/envvet/envvet/internal/sarif"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.sarif")

// outside is a file outside the module root that does not exist: its URI
// stays absolute and its fingerprint falls back to the line number.
const outside = "/nonexistent/envvet/outside.go"

// span returns the location of the first occurrence of substr on line n
// of file, in byte columns as go/token reports them.
func span(t *testing.T, file string, n int, substr, msg string) sarif.Location {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		t.Fatalf("%s has no line %d", file, n)
	}
	i := strings.Index(lines[n-1], substr)
	if i < 0 {
		t.Fatalf("%s:%d: no %q in %q", file, n, substr, lines[n-1])
	}
	return sarif.Location{File: file, Line: n, Col: i + 1, EndLine: n, EndCol: i + 1 + len(substr), Message: msg}
}

func edit(loc sarif.Location, text string) sarif.Edit {
	return sarif.Edit{File: loc.File, Line: loc.Line, Col: loc.Col, EndLine: loc.EndLine, EndCol: loc.EndCol, NewText: text}
}

var tool = sarif.Tool{Name: "envvet", Version: "v0.9.0", InformationURI: "https://github.com/envvet/envvet"}

func rules() []sarif.Rule {
	const readme = "https://github.com/envvet/envvet#"
	return []sarif.Rule{
		{ID: "ctxgo", Short: "report goroutines that outlive their context",
			Full:    strings.Repeat("A goroutine that keeps running after its context is cancelled leaks. ", 20),
			HelpURI: readme + "ctxgo", Level: "warning"},
		{ID: "directive", Short: "report malformed and unused envvet directives", HelpURI: readme + "suppressing-a-finding", Level: "note"},
		{ID: "envkeys/case", Short: "report environment variables that are read but not declared (case)",
			Full: "Environment variable names are upper case by convention.", HelpURI: readme + "envkeys-case", Level: "note"},
		{ID: "envkeys/undeclared", Short: "report environment variables that are read but not declared (undeclared)",
			Full:    "A key that the deployment does not set reads as \"\" at run time.\n\nDeclare it in .env.example.",
			HelpURI: readme + "envkeys-undeclared"},
		{ID: "nocgo", Short: "report cgo use in packages built with CGO_ENABLED=0", Full: "Long <text> & \"quotes\".", Level: "error"},
	}
}

// results is a fixed set of findings over testdata/mod: a fix, a fix on a
// line with multi-byte characters, two identical findings, a message with
// a line reference, related locations (one in a directory with a space in
// its name), a suppressed finding, a finding with no end, one outside the
// root and one with no file.
func results(t *testing.T, root string) []sarif.Result {
	main := filepath.Join(root, "main.go")
	env := filepath.Join(root, ".env.example")
	port := filepath.Join(root, "sub dir", "port.go")
	undeclared := `env key "APP_MOD" is read but not declared in .env.example`
	first := span(t, main, 10, `"APP_MOD"`, "")
	second := span(t, main, 13, `"APP_MOD"`, "")
	lower := span(t, main, 11, `"app_mode"`, "")
	return []sarif.Result{
		{RuleID: "envkeys/undeclared", Message: undeclared + `; did you mean "APP_MODE"?`, Location: first,
			Related: []sarif.Location{span(t, env, 2, "APP_MODE", `"APP_MODE" is declared here`)},
			Fixes:   []sarif.Fix{{Description: `Replace "APP_MOD" with "APP_MODE"`, Edits: []sarif.Edit{edit(first, `"APP_MODE"`)}}}},
		{RuleID: "envkeys/case", Message: `env key "app_mode" is not upper case`, Location: lower,
			Fixes: []sarif.Fix{{Description: `Use "APP_MODE"`, Edits: []sarif.Edit{edit(lower, `"APP_MODE"`)}}}},
		{RuleID: "envkeys/undeclared", Message: undeclared, Location: second},
		{RuleID: "envkeys/undeclared", Message: undeclared, Location: second},
		{RuleID: "ctxgo", Message: "the cancel function is handed to the goroutine started on line 16, which does not call it on every path (possible context leak)",
			Location: span(t, main, 15, "ctx, cancel := context.WithTimeout(context.Background(), time.Second)", ""),
			Related:  []sarif.Location{span(t, main, 16, "go func() {", "the goroutine started here")}},
		{RuleID: "envkeys/undeclared", Message: `env key "HOMEDIR" is read but not declared in .env.example`,
			Location:   span(t, main, 22, `"HOMEDIR"`, ""),
			Suppressed: &sarif.Suppression{Justification: "the platform sets HOMEDIR"}},
		{RuleID: "envkeys/undeclared", Message: `env key "APP_PORT" is read (via port) but not declared in .env.example`,
			Location: span(t, main, 23, "port()", ""),
			Related:  []sarif.Location{span(t, port, 5, `os.Getenv("APP_PORT")`, "port reads APP_PORT here")},
			Fixes: []sarif.Fix{{Description: "Declare APP_PORT in .env.example", Edits: []sarif.Edit{
				{File: env, Line: 4, Col: 1, NewText: "APP_PORT=\n"}}}}},
		{RuleID: "nocgo", Message: `package main imports "C" but is built with CGO_ENABLED=0`,
			Location: sarif.Location{File: main, Line: 1, Col: 1}},
		{RuleID: "directive", Message: "this envvet:ignore suppresses nothing; remove it",
			Location: sarif.Location{File: outside, Line: 3, Col: 2, EndLine: 3, EndCol: 40}},
		{RuleID: "directive", Message: "malformed envvet directive: a reason is required"},
	}
}

// generate writes the log for the fixed findings and returns it with the
// machine-specific root URI replaced by file:///ROOT/.
func generate(t *testing.T) []byte {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sarif.Write(&buf, tool, root, rules(), results(t, root), nil); err != nil {
		t.Fatal(err)
	}
	rootURI := (&url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"}).String()
	if !bytes.Contains(buf.Bytes(), []byte(`"uri": "`+rootURI+`"`)) {
		t.Fatalf("log does not map %%SRCROOT%% to %s", rootURI)
	}
	return bytes.ReplaceAll(buf.Bytes(), []byte(rootURI), []byte("file:///ROOT/"))
}

func TestGolden(t *testing.T) {
	got := generate(t)
	golden := filepath.Join("testdata", "golden.sarif")
	if *update {
		if err := os.WriteFile(golden, got, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("log differs from %s (go test ./internal/sarif -update rewrites it):\n%s", golden, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line of want and got.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\nwant: " + wl + "\ngot:  " + gl
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// schemas are the SARIF 2.1.0 JSON schemas in testdata (see SCHEMA.md).
var schemas = []string{"sarif-schema-2.1.0.json", "sarif-2.1.0-rtm.5.json"}

func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///" + name
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func unmarshal(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchema validates the log against the SARIF 2.1.0 schema, and checks
// that the validator rejects a log that breaks it.
func TestSchema(t *testing.T) {
	log := generate(t)
	var empty bytes.Buffer // no rules, no results
	if err := sarif.Write(&empty, sarif.Tool{Name: "envvet"}, t.TempDir(), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range schemas {
		t.Run(name, func(t *testing.T) {
			s := compile(t, name)
			if err := s.Validate(unmarshal(t, log)); err != nil {
				t.Errorf("log is not valid SARIF 2.1.0: %v", err)
			}
			if err := s.Validate(unmarshal(t, empty.Bytes())); err != nil {
				t.Errorf("empty log is not valid SARIF 2.1.0: %v", err)
			}
			for _, bad := range []struct{ old, new string }{
				{`"columnKind": "utf16CodeUnits"`, `"columnKind": "bytes"`},
				{`"version": "2.1.0"`, `"version": "2.1"`},
				{`"kind": "inSource"`, `"kind": "inline"`},
				{`"startLine": 10`, `"startLine": 0`},
			} {
				broken := bytes.Replace(log, []byte(bad.old), []byte(bad.new), 1)
				if bytes.Equal(broken, log) {
					t.Fatalf("log has no %s", bad.old)
				}
				if s.Validate(unmarshal(t, broken)) == nil {
					t.Errorf("log with %s passes the schema", bad.new)
				}
			}
		})
	}
}

// TestGitHubRequired checks the properties GitHub code scanning documents
// as required ("SARIF support for code scanning"), and its length limits.
func TestGitHubRequired(t *testing.T) {
	var log struct {
		Schema  string `json:"$schema"`
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID                                      string
						ShortDescription, FullDescription, Help struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
					ID               int
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				RelatedLocations []struct{ ID int }
			}
		}
	}
	if err := json.Unmarshal(generate(t), &log); err != nil {
		t.Fatal(err)
	}
	if log.Schema == "" || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("$schema %q, version %q, %d runs", log.Schema, log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "envvet" || len(run.Tool.Driver.Rules) != len(rules()) {
		t.Errorf("driver %q with %d rules", run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %q lacks id, shortDescription, fullDescription or help text", r.ID)
		}
		if n := len([]rune(r.FullDescription.Text)); n > 1024 {
			t.Errorf("rule %q: fullDescription has %d characters, GitHub allows 1024", r.ID, n)
		}
	}
	if len(run.Results) != len(results(t, "testdata/mod")) {
		t.Fatalf("%d results", len(run.Results))
	}
	for i, r := range run.Results {
		if r.Message.Text == "" || r.PartialFingerprints[sarif.FingerprintKey] == "" {
			t.Errorf("result %d lacks message or fingerprint", i)
		}
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d is not rule %q", i, r.RuleIndex, r.RuleID)
		}
		if i == len(run.Results)-1 {
			if len(r.Locations) != 0 {
				t.Errorf("result with no file has locations")
			}
			continue // no file: nothing GitHub can show
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d has %d locations", i, len(r.Locations))
		}
		l := r.Locations[0]
		if l.ID < 0 || l.PhysicalLocation.ArtifactLocation.URI == "" || l.PhysicalLocation.Region == nil ||
			l.PhysicalLocation.Region.StartLine < 1 || l.PhysicalLocation.Region.StartColumn < 1 || l.PhysicalLocation.Region.EndLine < 1 {
			t.Errorf("result %d: incomplete location %+v", i, l)
		}
		for _, rl := range r.RelatedLocations {
			if rl.ID < 1 {
				t.Errorf("result %d: related location id %d", i, rl.ID)
			}
		}
	}
}

// TestColumns checks the conversion of Go's byte columns to UTF-16 code
// units on a line with 2-, 3- and 4-byte characters:
// `	greeting, mode := "héllo, 世界 😀", os.Getenv("app_mode")`.
func TestColumns(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("testdata", "mod"))
	loc := span(t, filepath.Join(root, "main.go"), 11, `"app_mode"`, "")
	// Before `"app_mode"`: tab + `greeting, mode := "` (1+19 bytes) + héllo (6)
	// + ", " (2) + 世界 (6) + " " (1) + 😀 (4) + `", os.Getenv(` (13) = 52 bytes,
	// so byte column 53; in UTF-16 code units 20 + 5 + 2 + 2 + 1 + 2 + 13 = 45,
	// so column 46 (a code-point column would be 45).
	if loc.Col != 53 || loc.EndCol != 63 {
		t.Fatalf("byte columns %d-%d, want 53-63", loc.Col, loc.EndCol)
	}
	var buf bytes.Buffer
	err := sarif.Write(&buf, tool, root, rules(), []sarif.Result{{RuleID: "envkeys/case", Message: "m", Location: loc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			ColumnKind string
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	reg := run.Results[0].Locations[0].PhysicalLocation.Region
	if run.ColumnKind != "utf16CodeUnits" || reg.StartColumn != 46 || reg.EndColumn != 56 {
		t.Errorf("columnKind %q, columns %d-%d; want utf16CodeUnits, 46-56", run.ColumnKind, reg.StartColumn, reg.EndColumn)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rules   []sarif.Rule
		results []sarif.Result
		want    string
	}{
		{"unknown rule", []sarif.Rule{{ID: "a"}}, []sarif.Result{{RuleID: "b", Message: "m"}}, `rule "b", which is not among the rules`},
		{"duplicate rule", []sarif.Rule{{ID: "a"}, {ID: "a"}}, nil, `rule "a" is listed twice`},
		{"bad level", []sarif.Rule{{ID: "a", Level: "fatal"}}, nil, `level "fatal"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := sarif.Write(new(bytes.Buffer), tool, t.TempDir(), tc.rules, tc.results, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %s", err, tc.want)
			}
		})
	}
}

func TestRepoRoot(t *testing.T) {
	repo := t.TempDir()
	mod := filepath.Join(repo, "services", "api")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(mod, 0o777); err != nil {
		t.Fatal(err)
	}
	if got := sarif.RepoRoot(mod); got != repo {
		t.Errorf("RepoRoot(%s) = %s, want %s", mod, got, repo)
	}
	// A worktree or submodule has a .git file.
	if err := os.WriteFile(filepath.Join(mod, ".git"), []byte("gitdir: elsewhere\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if got := sarif.RepoRoot(mod); got != mod {
		t.Errorf("RepoRoot with a .git file = %s, want %s", got, mod)
	}
	// Outside any checkout: dir itself (unless the temporary directory
	// lies in a checkout after all).
	alone := t.TempDir()
	if got := sarif.RepoRoot(alone); got != alone {
		if _, err := os.Lstat(filepath.Join(got, ".git")); err != nil {
			t.Errorf("RepoRoot(%s) = %s, which holds no .git", alone, got)
		}
	}
}

// TestInvocation checks the invocation of a run that could not analyze
// every package: valid SARIF, executionSuccessful false, one error
// notification per error (positioned when it has a position) and the
// withheld conclusions as notes.
func TestInvocation(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "a.go")
	if err := os.WriteFile(file, []byte("package a\n\nfunc F() int { return \"\" }\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	inv := &sarif.Invocation{
		Errors: []sarif.Notification{
			{Message: "cannot use \"\" (untyped string constant) as int value in return statement", Location: sarif.Location{File: file, Line: 3, Col: 23}},
			{Message: "example.com/native: build constraints exclude all Go files"},
		},
		Notes: []sarif.Notification{{Message: "withheld: envkeys declared keys that nothing reads"}},
	}
	var buf bytes.Buffer
	if err := sarif.Write(&buf, tool, root, nil, nil, inv); err != nil {
		t.Fatal(err)
	}
	for _, name := range schemas {
		if err := compile(t, name).Validate(unmarshal(t, buf.Bytes())); err != nil {
			t.Errorf("log is not valid SARIF 2.1.0 (%s): %v", name, err)
		}
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        *bool
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
		t.Fatalf("want one run with one invocation, got %s", buf.Bytes())
	}
	in := log.Runs[0].Invocations[0]
	if in.ExecutionSuccessful == nil || *in.ExecutionSuccessful {
		t.Errorf("executionSuccessful = %v, want false", in.ExecutionSuccessful)
	}
	var got []string
	for _, n := range in.ToolExecutionNotifications {
		s := n.Level + " " + n.Message.Text
		for _, l := range n.Locations {
			s += fmt.Sprintf(" @%s:%d:%d", l.PhysicalLocation.ArtifactLocation.URI, l.PhysicalLocation.Region.StartLine, l.PhysicalLocation.Region.StartColumn)
		}
		got = append(got, s)
	}
	want := []string{
		"error cannot use \"\" (untyped string constant) as int value in return statement @a.go:3:23",
		"error example.com/native: build constraints exclude all Go files",
		"note withheld: envkeys declared keys that nothing reads",
	}
	if !slices.Equal(got, want) {
		t.Errorf("notifications:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var clean bytes.Buffer
	if err := sarif.Write(&clean, tool, root, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(clean.Bytes(), []byte("invocations\": [\n")) && !bytes.Contains(clean.Bytes(), []byte("\"invocations\": []")) {
		t.Errorf("a run with no invocation lists one:\n%s", clean.Bytes())
	}
}
