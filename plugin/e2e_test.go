package plugin_test

// End-to-end tests: build the real golangci-lint v2.15.0 with envvet's
// plugin compiled in (the tools/golangci-lint module) and the standalone
// envvet command, run both on the example module, and compare.
//
// The golangci-lint build is CPU-heavy (about two minutes on two cores with
// a cold build cache), so it runs once per test binary, through go tool,
// which keeps the linked executable in the build cache for later runs on
// the same sources. The tests skip only when the Go module proxy cannot be
// reached. They run in parallel (go test's -parallel at a time), each in
// fixtures and golangci-lint caches of its own; the baselines are computed
// once, by the first test that needs each.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/modtest"
	"github.com/envvet/envvet/plugin"
)

var (
	buildOnce sync.Once
	built     struct {
		gcl  string
		skip string // why the tests cannot run here
		err  error
	}
)

// repoRoot returns envvet's module root (the test runs in plugin/).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// binaries returns the built golangci-lint and envvet, building them on
// first use.
func binaries(t *testing.T) (gcl, envvet string) {
	t.Helper()
	root := repoRoot(t)
	buildOnce.Do(func() { buildBinaries(root) })
	if built.skip != "" {
		t.Skip(built.skip)
	}
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.gcl, modtest.Envvet(t)
}

func buildBinaries(root string) {
	tools := filepath.Join(root, "tools", "golangci-lint")
	// Read the inputs of the builds below, so that go test's result cache
	// notices when they change (files read by child processes are not
	// tracked).
	for _, f := range []string{
		filepath.Join(tools, "go.mod"), filepath.Join(tools, "go.sum"), filepath.Join(tools, "main.go"),
		filepath.Join(root, "cmd", "envvet", "main.go"),
	} {
		if _, err := os.ReadFile(f); err != nil {
			built.err = err
			return
		}
	}

	// Fetch golangci-lint and its dependencies first: an unreachable proxy
	// skips the tests, any other failure fails them.
	if out, err := goCmd(tools, "mod", "download"); err != nil {
		if unreachable(out) {
			built.skip = fmt.Sprintf("Go module proxy unreachable (GOPROXY=%s), cannot fetch golangci-lint v2.15.0; "+
				"skipping golangci-lint end-to-end tests: %s", goEnv("GOPROXY"), firstLine(out))
			return
		}
		built.err = fmt.Errorf("go mod download in %s: %v\n%s\n"+
			"(if envvet's go.mod changed, run `go mod tidy` there)", tools, err, out)
		return
	}
	// go tool (the tools module lists itself as a tool) links golangci-lint
	// once and keeps the executable in the build cache: later test runs on
	// the same sources get it without a link, which go build -o into a
	// temporary directory would do again every run. It builds in
	// modtest.ToolEnv (cgo off, as golangci-lint's releases are, and
	// -trimpath), so that a fresh checkout of already-compiled sources (CI's
	// clone) finds envvet's packages compiled for golangci-lint in the build
	// cache instead of compiling them again under its own directory. (They
	// are compiled apart from modtest.Envvet's, as packages of a dependency
	// module, and the executable is still linked once per checkout: two
	// clones of one commit got different files.)
	start := time.Now()
	cmd := exec.Command("go", "tool", "-n", "golangci-lint")
	cmd.Dir = tools
	cmd.Env = append(os.Environ(), modtest.ToolEnv()...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		built.err = fmt.Errorf("building golangci-lint with envvet: %v\n%s\n"+
			"(if envvet's go.mod changed, run `go mod tidy` in tools/golangci-lint: it requires envvet's dependencies too)", err, stderr.Bytes())
		return
	}
	built.gcl = strings.TrimSpace(string(out))
	if fi, err := os.Stat(built.gcl); err != nil || !fi.Mode().IsRegular() {
		built.err = fmt.Errorf("go tool -n golangci-lint printed %q, not an executable", built.gcl)
		return
	}
	fmt.Fprintf(os.Stderr, "e2e: golangci-lint with envvet (go tool -n) in %s\n", time.Since(start).Round(100*time.Millisecond))
}

// goCmd runs the go command in dir, outside any workspace.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	return cmd.CombinedOutput()
}

func goEnv(key string) string {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

// unreachable reports whether the go command's output says that the
// module proxy could not be reached (as opposed to, say, a bad go.sum).
func unreachable(out []byte) bool {
	for _, s := range []string{
		"dial tcp", "no such host", "i/o timeout", "connection refused", "connection reset",
		"network is unreachable", "TLS handshake timeout", "server misbehaving",
		"Temporary failure in name resolution", "GOPROXY=off", "GOFLAGS=-mod=mod", "proxyconnect",
	} {
		if bytes.Contains(out, []byte(s)) {
			return true
		}
	}
	return false
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// The modules the tests lint, relative to the repository root: the
// example service (a finding of every check but directives), and a small
// module with a finding of every check.
const (
	exampleModule   = "example"
	allChecksModule = "plugin/testdata/allchecks"
)

// fixture copies a module of the repository into a fresh directory and
// makes sure its dependencies are in the module cache.
func fixture(t *testing.T, module string) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), filepath.FromSlash(module))
	dst := filepath.Join(t.TempDir(), path.Base(module))
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(dst, "mod", "download"); err != nil {
		if unreachable(out) {
			t.Skipf("Go module proxy unreachable, cannot fetch the dependencies of %s: %s", module, firstLine(out))
		}
		t.Fatalf("go mod download in %s: %v\n%s", module, err, out)
	}
	return dst
}

// A finding is one diagnostic, as both tools can express it.
type finding struct {
	File      string // slash-separated, relative to the module root
	Line, Col int
	Check     string
	Message   string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Col, f.Check, f.Message)
}

// settings is a linters.settings.custom.<check>.settings block per check.
type settings map[string]map[string]any

// writeConfig writes .golangci.yml into dir, enabling every envvet check
// and nothing else.
func writeConfig(t *testing.T, dir string, s settings) {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: \"2\"\nlinters:\n  default: none\n  enable:\n")
	for _, name := range plugin.Names() {
		fmt.Fprintf(&b, "    - %s\n", name)
	}
	b.WriteString("  settings:\n    custom:\n")
	for _, name := range plugin.Names() {
		fmt.Fprintf(&b, "      %s:\n        type: module\n        description: envvet %s\n", name, name)
		if s[name] != nil {
			// JSON is YAML: no YAML library needed.
			js, err := json.Marshal(s[name])
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "        settings: %s\n", js)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// golangciJSON is the part of golangci-lint's JSON output the tests read.
type golangciJSON struct {
	Issues []struct {
		FromLinter string
		Text       string
		Pos        struct {
			Filename     string
			Line, Column int
		}
	}
	Report struct {
		Error string
	}
}

// runGolangci runs golangci-lint on the module in dir with the config
// there and a fresh cache, returning its findings (sorted).
func runGolangci(t *testing.T, gcl, dir string) []finding {
	t.Helper()
	stdout, stderr, code := runGolangciRaw(t, gcl, dir)
	return parseGolangci(t, dir, stdout, stderr, code)
}

// parseGolangci parses the JSON output of a golangci-lint run that
// exited with code.
func parseGolangci(t *testing.T, dir string, stdout, stderr []byte, code int) []finding {
	t.Helper()
	if code != 0 && code != 1 { // 1: issues found
		t.Fatalf("golangci-lint exited %d\nstderr:\n%s\nstdout:\n%s", code, stderr, stdout)
	}
	var out golangciJSON
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("golangci-lint's JSON output does not parse: %v\n%s", err, stdout)
	}
	if out.Report.Error != "" {
		t.Fatalf("golangci-lint reported an error: %s", out.Report.Error)
	}
	var got []finding
	for _, is := range out.Issues {
		got = append(got, finding{
			File: relFile(t, dir, is.Pos.Filename), Line: is.Pos.Line, Col: is.Pos.Column,
			Check: is.FromLinter, Message: is.Text,
		})
	}
	return sortFindings(got)
}

func runGolangciRaw(t *testing.T, gcl, dir string) (stdout, stderr []byte, code int) {
	t.Helper()
	return runGolangciCache(t, gcl, dir, t.TempDir())
}

func runGolangciCache(t *testing.T, gcl, dir, cache string) (stdout, stderr []byte, code int) {
	t.Helper()
	return runGolangciEnv(t, gcl, dir, cache)
}

// runGolangciEnv runs golangci-lint with the given cache and environment
// additions.
func runGolangciEnv(t *testing.T, gcl, dir, cache string, env ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	cmd := exec.Command(gcl, "run",
		// Other golangci-lint runs on this machine hold its global lock.
		"--allow-parallel-runners",
		"--output.json.path=stdout", "--show-stats=false",
		"--max-issues-per-linter=0", "--max-same-issues=0", "--uniq-by-line=false",
		"./...")
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOLANGCI_LINT_CACHE="+cache), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return o.Bytes(), e.Bytes(), exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.Bytes(), e.Bytes(), 0
}

// runEnvvet runs the standalone command with -json and flags on the module
// in dir, returning its findings (sorted, test variants merged).
func runEnvvet(t *testing.T, envvet, dir string, flags ...string) []finding {
	t.Helper()
	args := append(append([]string{"-json"}, flags...), "./...")
	cmd := exec.Command(envvet, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		// -json prints diagnostics and analysis errors as JSON and exits 0;
		// anything else is a failure to run.
		t.Fatalf("envvet %s: %v\nstderr:\n%s\nstdout:\n%s", strings.Join(args, " "), err, e.Bytes(), o.Bytes())
	}
	// {"pkg": {"check": [diagnostic...] or {"error": "..."}}}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(o.Bytes(), &tree); err != nil {
		t.Fatalf("envvet -json output does not parse: %v\n%s", err, o.Bytes())
	}
	seen := make(map[finding]bool)
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		for check, raw := range tree[pkg] {
			var diags []struct {
				Posn    string `json:"posn"`
				Message string `json:"message"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("envvet: %s: %s: %s", pkg, check, raw)
			}
			for _, d := range diags {
				file, line, col := splitPosn(t, d.Posn)
				seen[finding{relFile(t, dir, file), line, col, check, d.Message}] = true
			}
		}
	}
	return sortFindings(slices.Collect(maps.Keys(seen)))
}

// splitPosn splits "file:line:col".
func splitPosn(t *testing.T, posn string) (string, int, int) {
	t.Helper()
	rest, c, ok1 := cutLast(posn)
	file, l, ok2 := cutLast(rest)
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		t.Fatalf("bad position %q", posn)
	}
	return file, line, col
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// relFile makes file relative to the module root dir, slash-separated.
func relFile(t *testing.T, dir, file string) string {
	t.Helper()
	if filepath.IsAbs(file) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{dir, real} {
			if rel, err := filepath.Rel(d, file); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
		t.Fatalf("%s is outside the module %s", file, dir)
	}
	return filepath.ToSlash(file)
}

func sortFindings(fs []finding) []finding {
	slices.SortFunc(fs, func(a, b finding) int { return strings.Compare(a.String(), b.String()) })
	return fs
}

// diff returns the findings only in want (missing) and only in got (extra).
func diff(got, want []finding) (missing, extra []finding) {
	in := func(fs []finding, f finding) bool { return slices.Contains(fs, f) }
	for _, f := range want {
		if !in(got, f) {
			missing = append(missing, f)
		}
	}
	for _, f := range got {
		if !in(want, f) {
			extra = append(extra, f)
		}
	}
	return missing, extra
}

// assertSame fails unless golangci-lint's findings equal envvet's, except
// that golangci-lint drops every issue outside a .go file (its
// invalid_issue processor keeps only .go files and go.mod): envkeys'
// "declared but never read", positioned in the manifest, never shows.
func assertSame(t *testing.T, what string, gcl, envvet []finding) {
	t.Helper()
	var want []finding
	for _, f := range envvet {
		if isGo(f) {
			want = append(want, f)
		} else {
			t.Logf("%s: not expected from golangci-lint (not in a .go file): %s", what, f)
		}
	}
	missing, extra := diff(gcl, want)
	for _, f := range missing {
		t.Errorf("%s: golangci-lint lacks envvet's finding %s", what, f)
	}
	for _, f := range extra {
		t.Errorf("%s: golangci-lint has a finding envvet lacks: %s", what, f)
	}
}

func isGo(f finding) bool { return strings.HasSuffix(f.File, ".go") }

func logFindings(t *testing.T, what string, fs []finding) {
	t.Helper()
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s", f)
	}
	t.Logf("%s: %d findings%s", what, len(fs), b.String())
}

// A baseline is both tools' findings on a pristine copy of a module with
// default settings, computed once per module and test run: each run of a
// tool costs seconds to tens of seconds, most of it analyzing the
// standard library for facts.
type baseline struct {
	once   sync.Once
	envvet []finding
	gcl    []finding
	failed bool
}

var baselines = map[string]*baseline{exampleModule: {}, allChecksModule: {}}

// baselineOf returns the findings of envvet and golangci-lint on module.
func baselineOf(t *testing.T, module string) (envvet, gcl []finding) {
	t.Helper()
	gclBin, envvetBin := binaries(t)
	b := baselines[module]
	b.once.Do(func() {
		b.failed = true
		dir := fixture(t, module)
		writeExampleConfig(t, dir)
		b.envvet = runEnvvet(t, envvetBin, dir)
		b.gcl = runGolangci(t, gclBin, dir)
		b.failed = false
	})
	if b.failed {
		t.Fatalf("computing the baseline of %s failed (see the first test that needed it)", module)
	}
	return b.envvet, b.gcl
}

// writeExampleConfig writes .golangci.example.yml, its optional issues:
// block uncommented, as dir's .golangci.yml: it enables every check with
// default settings, so the baselines prove it works.
func writeExampleConfig(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("\n# issues:\n"))
	if i < 0 {
		t.Fatal(".golangci.example.yml has no commented issues: block")
	}
	tail := strings.ReplaceAll(string(data[i:]), "\n# issues:", "\nissues:")
	tail = strings.ReplaceAll(tail, "\n#   ", "\n  ")
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), append(data[:i:i], tail...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGolangciLintMatchesEnvvet runs both tools with default settings on
// each module (golangci-lint with .golangci.example.yml): golangci-lint
// must report exactly envvet's findings, each under its check's name, at
// the same position, with the same message.
func TestGolangciLintMatchesEnvvet(t *testing.T) {
	t.Parallel()
	for _, module := range []string{exampleModule, allChecksModule} {
		t.Run(path.Base(module), func(t *testing.T) {
			t.Parallel()
			want, got := baselineOf(t, module)
			logFindings(t, "envvet", want)
			assertSame(t, module, got, want)
			if len(want) == 0 {
				t.Errorf("envvet reports nothing on %s; the comparison proves nothing", module)
			}
			for _, f := range got {
				if !slices.Contains(plugin.Names(), f.Check) {
					t.Errorf("finding from a linter that is not an envvet check: %s", f)
				}
			}
			if module != allChecksModule {
				return
			}
			for _, name := range plugin.Names() {
				of := func(f finding) bool { return f.Check == name }
				switch {
				case !slices.ContainsFunc(want, of):
					t.Errorf("%s: no finding of %s; add one so the test covers it", module, name)
				case !slices.ContainsFunc(want, func(f finding) bool { return of(f) && isGo(f) }):
					t.Logf("%s: %s reports only outside .go files here, which golangci-lint drops", module, name)
				case !slices.ContainsFunc(got, of):
					t.Errorf("%s: golangci-lint shows no finding of %s", module, name)
				}
			}
		})
	}
}

// settingsCases change settings. The YAML settings and the command's
// flags must have the same effect, and it must be visible in the output
// of every check the case configures.
var settingsCases = []struct {
	name     string
	module   string
	files    map[string]string // written into the module first
	settings settings
	flags    []string
}{
	{
		name:     "envkeys.manifest",
		module:   allChecksModule,
		files:    map[string]string{"deploy/.env.example": "APP_MODE=\nAPP_REGION=\n"},
		settings: settings{"envkeys": {"manifest": []string{"deploy/.env.example"}}},
		flags:    []string{"-envkeys.manifest=deploy/.env.example"},
	},
	{
		// One setting of each check that has settings, in one run.
		name:   "every check",
		module: allChecksModule,
		settings: settings{
			"envkeys":  {"allow": []string{"APP_REG*"}},
			"nocgo":    {"allow": []string{"./internal/plug"}},
			"dbpool":   {"shared": false},
			"ctxgo":    {"cutshort": false},
			"envparse": {"dropped": false},
		},
		flags: []string{"-envkeys.allow=APP_REG*", "-nocgo.allow=./internal/plug", "-dbpool.shared=false", "-ctxgo.cutshort=false", "-envparse.dropped=false"},
	},
}

// TestGolangciLintSettings checks that settings from .golangci.yml reach the
// analyzers exactly as the corresponding flags do.
func TestGolangciLintSettings(t *testing.T) {
	t.Parallel()
	gcl, envvet := binaries(t)
	for _, tc := range settingsCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base, _ := baselineOf(t, tc.module)
			dir := fixture(t, tc.module)
			for name, content := range tc.files {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			writeConfig(t, dir, tc.settings)
			want := runEnvvet(t, envvet, dir, tc.flags...)
			got := runGolangci(t, gcl, dir)
			assertSame(t, tc.name, got, want)
			for check := range tc.settings {
				if !slices.Contains(plugin.Names(), check) {
					t.Errorf("%s: no check %s", tc.name, check)
				}
				of := func(fs []finding) []finding {
					return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool { return f.Check != check })
				}
				if slices.Equal(of(want), of(base)) {
					t.Errorf("%s: %s changes nothing on %s; the test proves nothing", tc.name, tc.flags, tc.module)
				}
			}
		})
	}
}

// TestGolangciLintNolint adds //nolint:<check> on the line of one finding
// of each check: that line's findings of that check disappear, nothing
// else does. In the same run, a //nolint naming another check on a
// control line suppresses nothing. Then envvet's own //envvet:ignore on
// the target lines must act under golangci-lint exactly as in the envvet
// command.
func TestGolangciLintNolint(t *testing.T) {
	t.Parallel()
	gcl, envvet := binaries(t)
	_, base := baselineOf(t, allChecksModule)
	dir := fixture(t, allChecksModule)
	writeConfig(t, dir, nil)

	// One target per check, on distinct lines that hold no envvet
	// directive (a line has room for one // comment: a //nolint there
	// would turn the directive into plain text). The directives check
	// reports only on such lines, so it gets no target. The control is a
	// further line with a finding.
	type line struct {
		file string
		line int
	}
	var targets []finding
	var control *finding
	used := make(map[line]bool)
	usable := func(f finding) bool {
		return isGo(f) && !used[line{f.File, f.Line}] && !hasDirective(t, filepath.Join(dir, filepath.FromSlash(f.File)), f.Line)
	}
	for _, name := range plugin.Names() {
		for _, f := range base {
			if f.Check == name && usable(f) {
				targets = append(targets, f)
				used[line{f.File, f.Line}] = true
				break
			}
		}
	}
	for _, f := range base {
		if usable(f) {
			control = &f
			break
		}
	}
	if len(targets) == 0 || control == nil {
		t.Fatalf("%s needs findings in .go files on at least two lines", allChecksModule)
	}
	// A check with no finding on the control line.
	other := "envvetnosuchcheck" // golangci-lint warns about it
	for _, n := range plugin.Names() {
		if !slices.ContainsFunc(base, func(f finding) bool { return f.File == control.File && f.Line == control.Line && f.Check == n }) {
			other = n
			break
		}
	}
	onLine := func(f finding) func(g finding) bool {
		return func(g finding) bool { return f.File == g.File && f.Line == g.Line && f.Check == g.Check }
	}
	var want []finding
	for _, f := range base {
		if !slices.ContainsFunc(targets, onLine(f)) {
			want = append(want, f)
		}
	}

	orig := make(map[string][]byte)
	for _, f := range append(targets, *control) {
		path := filepath.Join(dir, filepath.FromSlash(f.File))
		if orig[path] == nil {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			orig[path] = data
		}
	}
	restore := func() {
		for path, data := range orig {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	at := func(f finding, directive string) {
		addDirective(t, filepath.Join(dir, filepath.FromSlash(f.File)), f.Line, directive)
	}

	for _, f := range targets {
		at(f, "//nolint:"+f.Check)
	}
	at(*control, "//nolint:"+other)
	got := runGolangci(t, gcl, dir)
	missing, extra := diff(got, want)
	for _, f := range extra {
		t.Errorf("//nolint:%s did not suppress %s", f.Check, f)
	}
	for _, f := range missing {
		t.Errorf("//nolint suppressed %s, which it does not name", f)
	}
	t.Logf("//nolint:<check> suppressed %d findings on %d lines", len(base)-len(got), len(targets))

	// envvet's directives are applied inside the analyzers: whatever they
	// suppress, they suppress the same in both drivers.
	restore()
	for _, f := range targets {
		at(f, "//envvet:ignore "+f.Check+" suppressed by the e2e test")
	}
	got = runGolangci(t, gcl, dir)
	assertSame(t, "//envvet:ignore", got, runEnvvet(t, envvet, dir))
	for _, f := range targets {
		if slices.Contains(got, f) {
			t.Logf("//envvet:ignore %s on line %d does not suppress %s, in either driver", f.Check, f.Line, f)
		}
	}
}

// hasDirective reports whether the given line of a file holds an envvet
// directive.
func hasDirective(t *testing.T, path string, line int) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	return line-1 < len(lines) && strings.Contains(lines[line-1], "envvet:")
}

// addDirective puts a directive comment on the given line of a Go file:
// before the line's // comment if it has one (golangci-lint reads
// "//nolint:x // why"), else at the end of the line. Line numbers do not
// change.
func addDirective(t *testing.T, path string, line int, directive string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	at := -1
	var insert string
	for _, g := range f.Comments {
		for _, c := range g.List {
			if p := fset.Position(c.Pos()); p.Line == line && strings.HasPrefix(c.Text, "//") {
				at, insert = p.Offset, directive+" "
			}
		}
	}
	if at < 0 {
		tf := fset.File(f.Pos())
		if line < tf.LineCount() {
			at = tf.Offset(tf.LineStart(line+1)) - 1 // the newline
		} else {
			at = len(src)
		}
		insert = " " + directive
	}
	out := slices.Concat(src[:at], []byte(insert), src[at:])
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGolangciLintUnknownSetting checks that a misspelt setting stops
// golangci-lint with an error naming the key and the check.
func TestGolangciLintUnknownSetting(t *testing.T) {
	t.Parallel()
	gcl, _ := binaries(t)
	dir := fixture(t, exampleModule)
	name := plugin.Names()[0]
	writeConfig(t, dir, settings{name: {"alow": []string{"X"}}})
	stdout, stderr, code := runGolangciRaw(t, gcl, dir)
	if code != 3 {
		t.Errorf("exit code %d, want 3 (config error)\nstdout:\n%s", code, stdout)
	}
	for _, want := range []string{`unknown field "alow"`, name} {
		if !bytes.Contains(stderr, []byte(want)) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestGolangciLintCacheSeesManifests edits the manifest between runs
// that keep golangci-lint's cache: each run must report what a run with
// an empty cache reports, and a run after no edit must come from the
// cache. golangci-lint keys cached issues by the Go files, the config and
// the analyzers' names, so the plugins' manifest stamp (plugin/stamp.go)
// is what makes the edit a miss. It runs on the small module, whose
// undeclared key and cgo policy serve as well as the example's, and
// whose three runs that analyze every package (an empty cache, and the
// manifest edit) type-check a fraction of the example's dependencies
// (net/http, go-sqlite3).
func TestGolangciLintCacheSeesManifests(t *testing.T) {
	t.Parallel()
	gcl, _ := binaries(t)
	dir := fixture(t, allChecksModule)
	writeConfig(t, dir, nil)
	cache := t.TempDir()
	before, analyzed := runGolangciCached(t, gcl, dir, cache)
	undeclared := slices.IndexFunc(before, func(f finding) bool {
		return f.Check == "envkeys" && strings.Contains(f.Message, "is not declared in")
	})
	policy := slices.IndexFunc(before, func(f finding) bool {
		return f.Check == "nocgo" && strings.Contains(f.Message, "CGO_ENABLED=0 is declared in .env.example")
	})
	if undeclared < 0 || policy < 0 || analyzed == 0 {
		t.Fatalf("the module needs an undeclared key and a cgo finding under .env.example's CGO_ENABLED=0 (analyzed %d packages):\n%v", analyzed, before)
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(before[undeclared].Message, "env key \""), "\"")

	// Declare the key and drop the cgo policy: both findings go.
	path := filepath.Join(dir, ".env.example")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "\nCGO_ENABLED=0", "\n# CGO_ENABLED=0", 1) + "\n" + key + "=x\n"
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	warm, analyzed := runGolangciCached(t, gcl, dir, cache)
	for _, gone := range []finding{before[undeclared], before[policy]} {
		if slices.Contains(warm, gone) {
			t.Errorf("after the manifest edit, the warm cache still reports %s", gone)
		}
	}
	if analyzed == 0 {
		t.Errorf("after the manifest edit, every package came from the cache")
	}
	assertSame(t, "warm cache after the edit vs empty cache", warm, runGolangci(t, gcl, dir))

	// No edit: everything comes from the cache.
	if again, analyzed := runGolangciCached(t, gcl, dir, cache); analyzed != 0 || !slices.Equal(again, warm) {
		t.Errorf("a second run after the edit analyzed %d packages and reported %d findings, want 0 and %d", analyzed, len(again), len(warm))
	}

	// Undoing the edit brings back the first run's entries.
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if undone, analyzed := runGolangciCached(t, gcl, dir, cache); analyzed != 0 || !slices.Equal(undone, before) {
		t.Errorf("after undoing the edit: analyzed %d packages, findings equal the first run's: %v; want 0 and true", analyzed, slices.Equal(undone, before))
	}

	// Another runner, its checkout elsewhere, restores the cache: every
	// package comes from it, with the same findings.
	elsewhere := filepath.Join(t.TempDir(), "checkout", "example")
	if err := os.CopyFS(elsewhere, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if moved, analyzed := runGolangciCached(t, gcl, elsewhere, cache); analyzed != 0 || !slices.Equal(moved, before) {
		t.Errorf("in another directory: analyzed %d packages, findings equal the first run's: %v; want 0 and true", analyzed, slices.Equal(moved, before))
	}
}

// runGolangciCached runs golangci-lint with the given cache and returns its
// findings and the number of packages it analyzed rather than took from
// the cache.
func runGolangciCached(t *testing.T, gcl, dir, cache string) ([]finding, int) {
	t.Helper()
	stdout, stderr, code := runGolangciEnv(t, gcl, dir, cache, "GL_DEBUG=goanalysis/issues/cache")
	m := analyzingRE.FindAllSubmatch(stderr, -1)
	if len(m) == 0 {
		t.Fatalf("golangci-lint's issues cache log says nothing about the packages analyzed:\n%s", stderr)
	}
	n := 0
	for _, sub := range m {
		k, _ := strconv.Atoi(string(sub[1]))
		n += k
	}
	return parseGolangci(t, dir, stdout, stderr, code), n
}

// analyzingRE matches golangci-lint's GL_DEBUG=goanalysis/issues/cache
// summary (pkg/goanalysis/runners_cache.go).
var analyzingRE = regexp.MustCompile(`Loaded \d+ issues from cache in \S+, analyzing (\d+)/\d+ packages`)
