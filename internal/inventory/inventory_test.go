package inventory

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/manifest"
)

// fixture returns two packages of a main module and one dependency, with
// references at lines of a fake file, and a manifest declaring some keys.
func fixture(t *testing.T) ([]Package, string) {
	t.Helper()
	dir := t.TempDir()
	envFile := filepath.Join(dir, ".env.example")
	if err := os.WriteFile(envFile, []byte("PORT=8080\nDB_PASSWORD=\nSTALE=1\nFEATURE_X=1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	m, err := manifest.Load(envFile)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	file := func(name string) *token.File {
		f := fset.AddFile(filepath.Join(dir, name), -1, 1000)
		lines := make([]int, 50)
		for i := range lines {
			lines[i] = i * 20
		}
		f.SetLines(lines)
		return f
	}
	main, lib, dep := file("main.go"), file("lib/lib.go"), file("dep.go")
	at := func(f *token.File, line int) token.Pos { return f.LineStart(line) + 4 }
	return []Package{
		{Path: "example.com/app", Module: "example.com/app", Main: true, Dir: dir, Fset: fset, Manifest: m, Refs: []envgraph.Ref{
			{Key: "PORT", Kind: envgraph.Read, Pos: at(main, 3), Loader: "os", Via: []string{"envutil.Get"}, Default: "8080", HasDefault: true},
			{Key: "DB_PASSWORD", Kind: envgraph.Lookup, Pos: at(main, 5), Loader: "os"},
			{Key: "HOME", Kind: envgraph.Read, Pos: at(main, 6), Loader: "os"},
			{Key: "TEST_ONLY", Kind: envgraph.Write, Pos: at(main, 7), Loader: "os"},
			{Kind: envgraph.Read, Dynamic: true, Expr: `"FEATURE_" + name`, Prefix: "FEATURE_", Pos: at(main, 8), Loader: "os"},
		}},
		{Path: "example.com/app/lib", Module: "example.com/app", Main: true, Dir: filepath.Join(dir, "lib"), Fset: fset, Manifest: m, Refs: []envgraph.Ref{
			{Key: "PORT", Kind: envgraph.Tag, Pos: at(lib, 2), Loader: "caarlos0/env", Field: "Config.Port", Required: true},
			{Key: "UNDECLARED", Kind: envgraph.Read, Pos: at(lib, 4), Loader: "os"},
		}},
		{Path: "github.com/dep/dep", Module: "github.com/dep/dep", Dir: dir, Fset: fset, Refs: []envgraph.Ref{
			{Key: "DEP_KEY", Kind: envgraph.Read, Pos: at(dep, 1), Loader: "os"},
		}},
	}, dir
}

func TestBuild(t *testing.T) {
	pkgs, dir := fixture(t)
	inv := Build(pkgs, Options{Dir: dir})

	var names []string
	for _, k := range inv.Keys {
		names = append(names, k.Key)
	}
	if got, want := strings.Join(names, " "), "DB_PASSWORD HOME PORT TEST_ONLY UNDECLARED"; got != want {
		t.Errorf("keys = %s, want %s (DEP_KEY only with Deps)", got, want)
	}
	port := inv.Keys[2]
	if len(port.Refs) != 2 || port.Refs[0].Pos != "lib/lib.go:2:5" || port.Refs[1].Pos != "main.go:3:5" {
		t.Errorf("PORT refs = %+v", port.Refs)
	}
	if port.Default == nil || *port.Default != "8080" || !port.Required {
		t.Errorf("PORT default/required = %v/%v", port.Default, port.Required)
	}
	if len(port.Declared) != 1 || port.Declared[0] != (Decl{File: ".env.example", Line: 1}) {
		t.Errorf("PORT declared = %+v", port.Declared)
	}
	if !inv.Keys[0].Secret {
		t.Error("DB_PASSWORD is not marked secret")
	}
	if len(inv.Keys[4].Declared) != 0 {
		t.Error("UNDECLARED has declarations")
	}
	// STALE is unread; FEATURE_X matches the dynamic prefix.
	if len(inv.Unread) != 1 || inv.Unread[0].Key != "STALE" || inv.Unread[0].Line != 3 {
		t.Errorf("unread = %+v, want STALE at line 3", inv.Unread)
	}
	if len(inv.Dynamic) != 1 || inv.Dynamic[0].Prefix != "FEATURE_" {
		t.Errorf("dynamic = %+v", inv.Dynamic)
	}

	withDeps := Build(pkgs, Options{Dir: dir, Deps: true})
	found := false
	for _, k := range withDeps.Keys {
		if k.Key == "DEP_KEY" {
			found = k.Refs[0].Module == "github.com/dep/dep"
		}
	}
	if !found {
		t.Error("-deps: DEP_KEY missing or not marked with its module")
	}
}

// TestUnreadThroughDependency checks that a key read only by a dependency
// is read, even when dependencies are not listed.
func TestUnreadThroughDependency(t *testing.T) {
	pkgs, dir := fixture(t)
	pkgs[2].Refs = append(pkgs[2].Refs, envgraph.Ref{Key: "STALE", Kind: envgraph.Read, Pos: pkgs[2].Refs[0].Pos})
	if inv := Build(pkgs, Options{Dir: dir}); len(inv.Unread) != 0 {
		t.Errorf("unread = %+v, want none: a dependency reads STALE", inv.Unread)
	}
}

func TestFormats(t *testing.T) {
	pkgs, dir := fixture(t)
	inv := Build(pkgs, Options{Dir: dir})
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, inv, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := buf.String()
		switch f {
		case "json":
			var back Inventory
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatalf("json does not parse: %v", err)
			}
			if len(back.Keys) != len(inv.Keys) {
				t.Errorf("json round trip: %d keys, want %d", len(back.Keys), len(inv.Keys))
			}
		case "dotenv", "yaml":
			// Generated manifests parse, and declare every key read by
			// name except well-known ones; secrets get no value.
			name := filepath.Join(t.TempDir(), map[string]string{"dotenv": ".env.example", "yaml": "envvet.yaml"}[f])
			if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
			m, err := manifest.Load(name)
			if err != nil {
				t.Fatalf("%s output does not parse as a manifest: %v\n%s", f, err, out)
			}
			for _, k := range []string{"PORT", "DB_PASSWORD", "UNDECLARED"} {
				if _, ok := m.Lookup(k); !ok {
					t.Errorf("%s: %s not declared:\n%s", f, k, out)
				}
			}
			for _, k := range []string{"HOME", "TEST_ONLY"} {
				if _, ok := m.Lookup(k); ok {
					t.Errorf("%s: %s declared, want it left out:\n%s", f, k, out)
				}
			}
			if d, _ := m.Lookup("DB_PASSWORD"); d.Default != "" {
				t.Errorf("%s: secret DB_PASSWORD has value %q", f, d.Default)
			}
		case "text", "markdown":
			if !strings.Contains(out, "UNDECLARED") || !strings.Contains(out, "lib/lib.go:4:5") {
				t.Errorf("%s output lacks a key or position:\n%s", f, out)
			}
		}
	}
	if err := Write(&bytes.Buffer{}, inv, "xml"); err == nil {
		t.Error("unknown format: no error")
	}
}

func TestComparePos(t *testing.T) {
	if comparePos("a.go:9:1", "a.go:10:1") >= 0 {
		t.Error("a.go:9:1 should sort before a.go:10:1")
	}
	if comparePos("a.go:1:2", "b.go:1:1") >= 0 {
		t.Error("a.go sorts before b.go")
	}
}

// TestUnreadAcrossPrograms checks that with several programs sharing a
// manifest, a key read by any one of them is not unread.
func TestUnreadAcrossPrograms(t *testing.T) {
	pkgs, dir := fixture(t)
	pkgs[0].Program = &envgraph.Program{Keys: []string{"PORT"}}
	pkgs[1].Program = &envgraph.Program{Keys: []string{"DB_PASSWORD", "STALE"}}
	inv := Build(pkgs, Options{Dir: dir})
	var unread []string
	for _, d := range inv.Unread {
		unread = append(unread, d.Key)
	}
	// FEATURE_X: neither program reads it (their prefixes are empty).
	if got := strings.Join(unread, " "); got != "FEATURE_X" {
		t.Errorf("unread = %s, want FEATURE_X", got)
	}
}

// TestBadValue checks that envparse's findings reach the keys they name,
// once per position (test variants repeat a package), sorted, and show in
// the text and markdown tables and in JSON; a key without one says
// nothing about bad values.
func TestBadValue(t *testing.T) {
	pkgs, dir := fixture(t)
	lib := pkgs[1]
	at := lib.Refs[0].Pos
	lib.BadValues = []envparse.BadValue{
		{Key: "PORT", Pos: at, Rule: "helper", By: "envutil.Int", Outcome: "runs as 8080"},
		{Key: "PORT", Pos: at, Rule: "helper", By: "envutil.Int", Outcome: "runs as 8080"},
		{Key: "NOBODY_READS", Pos: at, Rule: "dropped", By: "strconv.Atoi", Outcome: "runs as 0"},
	}
	pkgs[1] = lib
	inv := Build(pkgs, Options{Dir: dir})
	for _, k := range inv.Keys {
		switch k.Key {
		case "PORT":
			want := []BadValue{{Pos: "lib/lib.go:2:5", Rule: "helper", By: "envutil.Int", Outcome: "runs as 8080"}}
			if len(k.BadValue) != 1 || k.BadValue[0] != want[0] {
				t.Errorf("PORT bad values = %+v, want %+v", k.BadValue, want)
			}
		default:
			if len(k.BadValue) > 0 {
				t.Errorf("%s: bad values %+v, want none", k.Key, k.BadValue)
			}
		}
	}
	for format, want := range map[string]string{
		"text":     "runs as 8080 (envutil.Int)\n",
		"markdown": "| runs as 8080 (envutil.Int) |",
		"json":     `"outcome": "runs as 8080"`,
	} {
		var buf bytes.Buffer
		if err := Write(&buf, inv, format); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s output lacks %q:\n%s", format, want, buf.String())
		}
		if format == "json" && strings.Count(buf.String(), `"badValue"`) != 1 {
			t.Errorf("json: badValue on keys without one:\n%s", buf.String())
		}
	}
}

// TestFlags checks that a key a command-line flag falls back to names
// its library and flag in VIA, and that its default reaches .env.example.
func TestFlags(t *testing.T) {
	pkgs, dir := fixture(t)
	main := pkgs[0].Fset.File(pkgs[0].Refs[0].Pos)
	pkgs[0].Refs = append(pkgs[0].Refs,
		envgraph.Ref{Key: "APP_ADDR", Kind: envgraph.Lookup, Pos: main.LineStart(9) + 4, Loader: envgraph.LoaderUrfave,
			Flag: "addr", Default: ":8080", HasDefault: true, Group: []string{"APP_ADDR", "ADDR"}},
		envgraph.Ref{Key: "APP_HTTP_ADDR", Kind: envgraph.Read, Pos: main.LineStart(10) + 4, Loader: envgraph.LoaderFF, Flag: "http-addr"})
	inv := Build(pkgs, Options{Dir: dir})
	for format, want := range map[string][]string{
		"text":   {"urfave/cli --addr", "ff -http-addr"},
		"dotenv": {"APP_ADDR=:8080", "# lookup at main.go:9:5 (urfave/cli --addr)", "APP_HTTP_ADDR="},
		"json":   {`"flag": "addr"`},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, inv, format); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", format, w, buf.String())
			}
		}
	}
}

// TestViperAsked checks that the keys a package asks the global viper
// instance for, without an AutomaticEnv of its own, are listed with the
// package's site (envgraph.Program.Asked), once however many programs
// share it, and that a dependency's are left out without Deps.
func TestViperAsked(t *testing.T) {
	pkgs, dir := fixture(t)
	asked := []envgraph.Asked{
		{Key: "APP_DB_HOST", Viper: "db.host", At: envgraph.Site{File: filepath.Join(dir, "lib/lib.go"), Line: 9, Col: 5}, Package: "example.com/app/lib"},
		{Key: "APP_DEP", Viper: "dep", At: envgraph.Site{File: filepath.Join(dir, "dep.go"), Line: 3, Col: 5}, Package: "github.com/dep/dep"},
	}
	pkgs[0].Program = &envgraph.Program{Keys: []string{"APP_DB_HOST", "APP_DEP", "PORT"}, Asked: asked}
	pkgs[1].Program = &envgraph.Program{Keys: []string{"APP_DB_HOST"}, Asked: asked[:1]}
	inv := Build(pkgs, Options{Dir: dir})
	var got []string
	for _, k := range inv.Keys {
		for _, r := range k.Refs {
			if r.Loader == envgraph.LoaderViper {
				got = append(got, k.Key+" "+r.Pos+" "+r.Kind+" "+r.Package)
			}
		}
	}
	if want := "APP_DB_HOST lib/lib.go:9:5 bind example.com/app/lib"; strings.Join(got, "; ") != want {
		t.Errorf("viper refs = %q, want %q", got, want)
	}
}

// TestCodeDescription checks that a key's description comes from its
// manifest, else from the declaration in the code (cleanenv's
// env-description), and shows in the schema.
func TestCodeDescription(t *testing.T) {
	pkgs, dir := fixture(t)
	main := pkgs[0].Fset.File(pkgs[0].Refs[0].Pos)
	pkgs[0].Refs = append(pkgs[0].Refs,
		envgraph.Ref{Key: "DB_HOST", Kind: envgraph.Tag, Pos: main.LineStart(11) + 4, Loader: envgraph.LoaderCleanenv,
			Field: "Config.DB.Host", Description: "database host"},
		envgraph.Ref{Key: "DB_PORT", Kind: envgraph.Tag, Pos: main.LineStart(12) + 4, Loader: envgraph.LoaderCleanenv,
			Field: "Config.DB.Port", Description: "the code's port"})
	pkgs[0].Manifest.Keys = append(pkgs[0].Manifest.Keys, manifest.Key{Name: "DB_PORT", Description: "the port the manifest documents"})
	inv := Build(pkgs, Options{Dir: dir})
	got := make(map[string]string)
	for _, k := range inv.Keys {
		got[k.Key] = k.Description
	}
	if got["DB_HOST"] != "database host" || got["DB_PORT"] != "the port the manifest documents" || got["PORT"] != "" {
		t.Errorf("descriptions = %q, want DB_HOST's from the code, DB_PORT's from the manifest and none for PORT", got)
	}
	var buf bytes.Buffer
	if err := Write(&buf, inv, "schema"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"description": "database host\nread at main.go:11:5"`) {
		t.Errorf("the schema lacks DB_HOST's description:\n%s", buf.String())
	}
}
