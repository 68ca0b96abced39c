package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/envvet/envvet/internal/relpos"
)

// A runner downloads modules and runs envvet on them.
type runner struct {
	envvet  string        // the envvet binary
	work    string        // where module copies go
	tables  string        // the tables' directory (overlays are under it)
	timeout time.Duration // per envvet run
	verbose io.Writer     // progress, or io.Discard
}

// download fetches module@version with the go command and returns the
// directory of the module cache that holds it and its go.mod file.
func (rn *runner) download(ctx context.Context, module, version string) (dir, gomod string, err error) {
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", module+"@"+version)
	cmd.Dir = os.TempDir() // outside any module
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	var m struct{ Dir, GoMod, Error string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", "", fmt.Errorf("go mod download %s@%s: %v: %s", module, version, runErr, strings.TrimSpace(stderr.String()))
	}
	if m.Error != "" {
		return "", "", fmt.Errorf("go mod download %s@%s: %s", module, version, m.Error)
	}
	if runErr != nil || m.Dir == "" {
		return "", "", fmt.Errorf("go mod download %s@%s: %v: %s", module, version, runErr, strings.TrimSpace(stderr.String()))
	}
	return m.Dir, m.GoMod, nil
}

// copyDir copies the files of src into dst, overwriting, writable.
func copyDir(dst, src string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // module zips hold regular files only
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// prepare makes a writable copy of the module for check, with the
// overlay of its settings, and returns its root.
func (rn *runner) prepare(ctx context.Context, check string, s *Settings) (string, error) {
	dir, gomod, err := rn.download(ctx, s.Module, s.Version)
	if err != nil {
		return "", err
	}
	root := filepath.Join(rn.work, check, strings.ReplaceAll(s.Module, "/", "_")+"@"+s.Version)
	if err := os.RemoveAll(root); err != nil {
		return "", err
	}
	if err := copyDir(root, dir); err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); errors.Is(err, fs.ErrNotExist) && gomod != "" {
		// A module without go.mod: the proxy's synthesized one.
		data, err := os.ReadFile(gomod)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(root, "go.mod"), data, 0o644); err != nil {
			return "", err
		}
	}
	if s.Files != "" {
		if err := copyDir(root, filepath.Join(rn.tables, "overlay", check, s.Files)); err != nil {
			return "", fmt.Errorf("overlay %s: %v", s.Files, err)
		}
	}
	return filepath.EvalSymlinks(root)
}

// run measures check on one module@version: it prepares the copy, runs
// `envvet -json -CHECK FLAGS PATTERNS` in its dir with the settings' env
// and keeps the check's findings.
func (rn *runner) run(ctx context.Context, check string, s *Settings) *Run {
	r := &Run{Check: check, Module: s.Module, Version: s.Version, Settings: s}
	root, err := rn.prepare(ctx, check, s)
	if err != nil {
		r.Unmeasured = err.Error()
		return r
	}
	args := append([]string{"-json", "-" + check}, s.Flags...)
	args = append(args, s.Patterns...)
	ctx, cancel := context.WithTimeout(ctx, rn.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, rn.envvet, args...)
	cmd.Dir = filepath.Join(root, filepath.FromSlash(s.Dir))
	cmd.Env = runEnv(os.Environ(), s.Env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	fmt.Fprintf(rn.verbose, "realworld: %s %s@%s: envvet %s (in %s): %v, %.1fs\n", check, s.Module, s.Version,
		strings.Join(args, " "), s.Dir, exitStatus(err), time.Since(start).Seconds())
	if ctx.Err() != nil {
		r.LoadFailed = fmt.Sprintf("envvet timed out after %v", rn.timeout)
		return r
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		r.Unmeasured = fmt.Sprintf("running envvet: %v", err)
		return r
	}
	findings, errs, perr := parseJSON(stdout.Bytes(), check, root)
	if err != nil && (perr != nil || stdout.Len() == 0) {
		r.LoadFailed = fmt.Sprintf("envvet: %v\n%s", exitStatus(err), tail(cleanStderr(stderr.String(), root), 20))
		return r
	}
	if perr != nil {
		r.LoadFailed = fmt.Sprintf("envvet's output: %v\n%s", perr, tail(cleanStderr(stderr.String(), root), 20))
		return r
	}
	r.Findings, r.Errors = findings, errs
	if err != nil {
		// Some packages did not load or type-check: envvet analyzed the
		// others and said on stderr what it could not see.
		r.Partial = fmt.Sprintf("envvet: %v\n%s", exitStatus(err), tail(cleanStderr(stderr.String(), root), 20))
	}
	return r
}

// runEnv is the environment of an envvet run: the harness's, with go.work
// off, -mod=mod (a module's vendor/modules.txt comes without the vendored
// packages; the copy may be written), and the settings' variables last;
// a setting's GOFLAGS (-tags=sqlite) is added to -mod=mod, not put in its
// place.
func runEnv(environ, extra []string) []string {
	env := slices.Clone(environ)
	goflags := os.Getenv("GOFLAGS")
	var rest []string
	for _, e := range extra {
		if v, ok := strings.CutPrefix(e, "GOFLAGS="); ok {
			goflags += " " + v // the row's flags add to, not replace, -mod=mod
			continue
		}
		rest = append(rest, e)
	}
	env = append(env, "GOWORK=off", "GOFLAGS="+strings.TrimSpace(goflags+" -mod=mod"))
	return append(env, rest...)
}

func exitStatus(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Sprintf("exit %d", ee.ExitCode())
	}
	if err != nil {
		return err.Error()
	}
	return "exit 0"
}

// cleanStderr drops the go command's download progress from envvet's
// stderr and makes the paths in the module copy relative to its root, so
// that the output does not depend on $BENCH_DIR or on the module cache.
func cleanStderr(s, root string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "go: downloading ") || strings.HasPrefix(l, "go: finding ") {
			continue
		}
		keep = append(keep, strings.ReplaceAll(l, root+string(filepath.Separator), ""))
	}
	return strings.Join(keep, "\n")
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > n {
		ls = append([]string{fmt.Sprintf("... (%d lines)", len(ls)-n)}, ls[len(ls)-n:]...)
	}
	return strings.Join(ls, "\n")
}

// jsonDiagnostic is a diagnostic of envvet -json (internal/driver/json.go).
type jsonDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

// parseJSON reads envvet -json output (package ID → analyzer → a list of
// diagnostics or {"error": ...}) and returns check's findings, relative to
// root and deduplicated (test variants repeat a package's files), sorted;
// and the errors of any analyzer.
func parseJSON(data []byte, check, root string) ([]*Finding, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, err
	}
	seen := make(map[findingKey]bool)
	var findings []*Finding
	errPkgs := make(map[string][]string) // analyzer: error → packages
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
				var e struct {
					Error string `json:"error"`
				}
				if err := json.Unmarshal(raw, &e); err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", pkg, analyzer, err)
				}
				k := analyzer + ": " + e.Error
				errPkgs[k] = append(errPkgs[k], pkg)
				continue
			}
			if analyzer != check {
				continue
			}
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				return nil, nil, fmt.Errorf("%s: %s: %v", pkg, analyzer, err)
			}
			for _, d := range diags {
				f := newFinding(d, root)
				if k := f.key(); !seen[k] {
					seen[k] = true
					findings = append(findings, f)
				}
			}
		}
	}
	slices.SortFunc(findings, compareFindings)
	return findings, errorLines(errPkgs), nil
}

// findingKey identifies a finding: the same diagnostic reported in a
// package and in its test variant is one finding.
type findingKey struct {
	file      string
	line, col int
	cat, msg  string
	outside   bool
}

func (f *Finding) key() findingKey {
	return findingKey{f.File, f.Line, f.Col, f.Category, f.Message, f.Outside}
}

// newFinding is the finding of d, with its file relative to root, or
// marked Outside when it is not within root.
func newFinding(d jsonDiagnostic, root string) *Finding {
	f := &Finding{Category: d.Category, Message: d.Message}
	f.File, f.Line, f.Col = relpos.Split(d.Posn)
	if rel, ok := within(root, f.File); ok && f.Line > 0 {
		f.File = rel
	} else {
		f.Outside = true
	}
	return f
}

// compareFindings orders findings by position, then category and message.
func compareFindings(a, b *Finding) int {
	switch {
	case a.File != b.File:
		return strings.Compare(a.File, b.File)
	case a.Line != b.Line:
		return a.Line - b.Line
	case a.Col != b.Col:
		return a.Col - b.Col
	case a.Category != b.Category:
		return strings.Compare(a.Category, b.Category)
	}
	return strings.Compare(a.Message, b.Message)
}

// errorLines prints each analyzer's error with the first three packages
// it came from, sorted.
func errorLines(errPkgs map[string][]string) []string {
	var errs []string
	for k, pkgs := range errPkgs {
		slices.Sort(pkgs)
		if len(pkgs) > 3 {
			pkgs = append(pkgs[:3], fmt.Sprintf("%d more", len(pkgs)-3))
		}
		errs = append(errs, fmt.Sprintf("%s (%s)", k, strings.Join(pkgs, ", ")))
	}
	slices.Sort(errs)
	return errs
}

// within returns file relative to root, slash-separated, if it is in root.
func within(root, file string) (string, bool) {
	if !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		if resolved, err := filepath.EvalSymlinks(file); err == nil && resolved != file {
			return within(root, resolved)
		}
		return "", false
	}
	return filepath.ToSlash(rel), true
}
