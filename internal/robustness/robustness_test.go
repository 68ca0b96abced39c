package robustness

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
)

// broken is a module of broken packages, one per kind of breakage. Each
// file is written as an editor would hold it mid-edit, or as a reviewer
// might find it in a failing pull request.
var broken = map[string]string{
	"go.mod":       "module broken\n\ngo 1.26\n",
	".env.example": "APP_MODE=dev\nAPP_PORT=8080\n",
	"envvet.yaml":  "not: [valid\n",

	// Syntax errors: unclosed calls, a missing brace, a stray token.
	"syntax/a.go": `package syntax

import (
	"context"
	"database/sql"
	"os"
)

func Get() string { return os.Getenv("APP_MODE" }

func Open() *sql.DB {
	db, _ := sql.Open("postgres", os.Getenv("DSN")
	db.SetMaxOpenConns(
	return db
}

func Run(ctx context.Context) {
	go func() { <-ctx.Done() 
}
`,
	"syntax/b.go": `package syntax

import "os"

var x = os.Getenv(

func ) {
`,

	// Type errors: wrong argument counts and types, undefined names.
	"types/a.go": `package types

import (
	"context"
	"database/sql"
	"os"
	"sync"
)

var (
	_ = os.Getenv()
	_ = os.Getenv(1)
	_ = os.Getenv("A", "B")
	_ = os.Getenv(undefinedKey)
	_ = os.LookupEnv()
	_ = os.ExpandEnv()
	_    = os.Setenv("ONLY_KEY")
	_ int = os.Getenv("APP_PORT")
	_ = os.Getenv(os.Getenv)
)

const key = undefinedConst + "X"

func Helper(k string) string { return os.Getenv(k + undefined) }

func Helper2(k int) string { return os.Getenv(k) }

func Generic[T any](k T) string { return os.Getenv(k) }

func Pool() {
	db, err := sql.Open()
	db.SetMaxOpenConns("ten")
	db2 := sql.Open("postgres")
	db2.Close()
	var global *sql.DB = sql.Open
	_, _ = global, err
}

func Ctx() {
	ctx, cancel := context.WithCancel()
	defer cancel
	go work(ctx)
	go undefinedFunc(ctx, os.Getenv(key))
	go func(ctx context.Context) { <-ctx.Done() }()
	go ctx
	go
	var wg sync.WaitGroup
	wg.Go(undefined)
	_ = Generic[int, string]("APP_MODE")
	_ = Helper2("x")
}

type Config struct {
	Mode string ` + "`env:\"APP_MODE\" envconfig:\"APP_MODE\"`" + `
	Port int    ` + "`env:\"APP_PORT,required`" + `
	Bad  undefinedType ` + "`env:`" + `
}

func (c *Config) Load() { c.Mode = os.Getenv(c.Port) }

//envvet:ignore
func Ignored() string { return os.Getenv("IGNORED") } //envvet:ignore envkeys,nosuch

//envvet:ignore envkeys
var _ = os.Getenv(
	"ALSO_IGNORED", 3)
`,

	// A missing import, and one that resolves to nothing.
	"missing/a.go": `package missing

import (
	"os"

	"example.com/nope"
	env "github.com/caarlos0/env/v11"
	"github.com/spf13/viper"
)

type Config struct {
	Mode string ` + "`env:\"APP_MODE\"`" + `
}

func Load() (Config, error) {
	var c Config
	viper.BindEnv("APP_MODE")
	viper.BindEnv()
	viper.AutomaticEnv()
	_ = nope.Getenv("X")
	return c, env.Parse(&c, os.Getenv("APP_PORT"))
}
`,

	// Editor-style partial files: an incomplete selector, a dangling if, a
	// file that is only a package clause, a function without a body.
	"partial/a.go": `package partial

import (
	"context"
	"os"
)

func Main(ctx context.Context) {
	os.
	if v := os.Getenv(
	go ctx.
}
`,
	"partial/b.go": "package partial\n",
	"partial/c.go": `package partial

import "os"

func Decl(k string) string

func Half() { return os.LookupEnv
`,
	"partial/d.go": "package partial\n\nfunc (",

	// Helpers across packages, both ill-typed: facts must cross anyway.
	"helper/helper.go": `package helper

import "os"

func Get(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def + undefined
}

func Port() string { return Get("APP_PORT", 8080) }
`,
	"user/user.go": `package user

import (
	"broken/helper"
	"broken/types"
)

var (
	_ = helper.Get("APP_MODE")
	_ = helper.Get("NOT_DECLARED", "x", "y")
	_ = helper.Port(1)
	_ = helper.Missing("K")
	_ = types.Helper("APP_MODE")
)

func main() { helper.Get( }
`,
	// A main package with errors, for the checks that decide at main.
	"cmd/app/main.go": `package main

import (
	"context"
	"database/sql"
	"os"

	"broken/helper"
)

var db *sql.DB

func main() {
	db, _ = sql.Open("postgres", helper.Get("DSN", ""))
	db.SetMaxOpenConns(os.Getenv("MAX"))
	ctx, cancel := context.WithTimeout(context.Background())
	defer cancel()
	go serve(ctx, db)
	os.Setenv()
}
`,
}

// TestRecoversPanics checks that the harness sees a panic at all.
func TestRecoversPanics(t *testing.T) {
	a := &analysis.Analyzer{Name: "panicky", Doc: "panics", Run: func(*analysis.Pass) (any, error) { panic("boom") }}
	forceDespiteErrors([]*analysis.Analyzer{a})
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax}, "errors")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	if got := recorded.take(); len(got) != 1 || !strings.Contains(got[0], "panicky on errors: panic: boom") {
		t.Errorf("recorded %q, want one panic of panicky", got)
	}
}

// TestBrokenPackages runs the whole suite, every analyzer forced to run
// despite errors, on every broken package, and fails on any panic. The
// findings and analysis errors are not judged: on broken code any answer
// but a crash is acceptable.
func TestBrokenPackages(t *testing.T) {
	dir := t.TempDir()
	for name, src := range broken {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One load for both runs: the Go files are the same, and the
	// manifests are read when the suite runs, not when packages load.
	pkgs, nerr := load(t, dir)
	for _, manifest := range []string{"broken", "valid"} {
		t.Run(manifest+"-manifest", func(t *testing.T) {
			yaml := filepath.Join(dir, "envvet.yaml")
			if manifest == "valid" {
				if err := os.Remove(yaml); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
			}
			run(t, pkgs, nerr)
		})
	}
}

// load loads the broken packages of dir, with their tests, and returns
// them with the number of their errors (and their dependencies').
func load(t *testing.T, dir string) ([]*packages.Package, int) {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var nerr int
	packages.Visit(pkgs, nil, func(p *packages.Package) { nerr += len(p.Errors) })
	if nerr == 0 {
		t.Fatal("the broken packages loaded without errors: the test tests nothing")
	}
	return pkgs, nerr
}

// run analyzes pkgs with the whole suite, every analyzer forced to run
// despite errors, and fails on any panic recorded.
func run(t *testing.T, pkgs []*packages.Package, nerr int) {
	t.Helper()
	suite := analyzers.Suite(analyzers.Config{})
	forceDespiteErrors(suite)
	graph, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ran, failed int
	for act := range graph.All() {
		switch {
		case act.Err == nil:
			ran++
		case strings.Contains(act.Err.Error(), "skipped due to errors"):
			t.Errorf("%s was skipped on %s: the test must run it despite errors", act.Analyzer, act.Package.PkgPath)
		default:
			failed++
		}
	}
	t.Logf("%d packages with %d load errors; %d actions ran, %d returned an error", len(pkgs), nerr, ran, failed)
	if ran == 0 {
		t.Error("no analyzer ran")
	}
	for _, p := range recorded.take() {
		t.Error(p)
	}
}

// recorded collects the panics that the wrapped analyzers recovered.
var recorded panicLog

type panicLog struct {
	mu   sync.Mutex
	list []string
}

func (l *panicLog) add(a *analysis.Analyzer, pkg string, v any, stack []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, fmt.Sprintf("%s on %s: panic: %v\n%s", a.Name, pkg, v, stack))
}

func (l *panicLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	list := l.list
	l.list = nil
	return list
}

// forceDespiteErrors sets RunDespiteErrors on every analyzer of suite and
// on all they require, and wraps each Run to recover a panic and report it
// in recorded. It changes the shared analyzers (envgraph, inspect, …)
// of this test binary only, and restores nothing: every test here wants it.
var forceOnce sync.Map // *analysis.Analyzer → true: already wrapped

func forceDespiteErrors(suite []*analysis.Analyzer) {
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if _, done := forceOnce.LoadOrStore(a, true); done {
			return
		}
		a.RunDespiteErrors = true
		run := a.Run
		a.Run = func(pass *analysis.Pass) (res any, err error) {
			defer func() {
				if v := recover(); v != nil {
					recorded.add(a, pass.Pkg.Path(), v, debug.Stack())
					err = fmt.Errorf("panic: %v", v)
				}
			}()
			return run(pass)
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range suite {
		visit(a)
	}
}
