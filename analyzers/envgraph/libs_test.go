package envgraph_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/modtest"
	"github.com/envvet/envvet/internal/rulestest"
)

// libs is one load of testdata/libs, a module whose packages use the
// real configuration libraries, and refs' run on all of it, which
// TestLibraries, TestLibraryPrograms and TestKongOptions read:
// type-checking the libraries is dear. Each test first fetches them into
// the module cache (needLibs): the load runs with GOPROXY=off.
var (
	libsLoad = rulestest.NewLoad(filepath.Join(analysistest.TestData(), "libs"), nil, "./...")
	libs     = rulestest.NewSharedLoad(libsLoad, refs, "example.com/libs/...")
)

// libsPkgs are the packages of TestLibraries and TestLibraryPrograms.
var libsPkgs = []string{
	"example.com/libs/urfave1", "example.com/libs/urfave2", "example.com/libs/urfave3", "example.com/libs/kong",
	"example.com/libs/kongenvars", "example.com/libs/cleanenv", "example.com/libs/cleanenvhelper",
	"example.com/libs/cleanenvhelper/config", "example.com/libs/ff", "example.com/libs/ff4", "example.com/libs/ff4cmd",
	"example.com/libs/ff4noenv", "example.com/libs/ffcli", "example.com/libs/koanf", "example.com/libs/godotenv",
	"example.com/libs/configor",
}

func needLibs(t *testing.T) {
	modtest.Download(t, libsLoad.Dir())
}

// TestLibraries runs the graph on programs that declare their keys through
// the real configuration libraries, fetched from the module proxy.
func TestLibraries(t *testing.T) {
	needLibs(t)
	libs.Check(t, libsPkgs...)
}

// TestLibraryPrograms checks that a library's own lookups of the keys its
// callers declare make the program read neither any key nor the whole
// environment: a manifest key nothing declares stays unread.
func TestLibraryPrograms(t *testing.T) {
	needLibs(t)
	progs := make(map[string]*envgraph.Program)
	for _, pkg := range libsPkgs {
		libs.Diagnostics(t, pkg) // any complaint but a // want mismatch (TestLibraries')
		for _, r := range libs.Results(pkg) {
			if p, ok := r.Result.(*envgraph.Program); ok && p != nil {
				progs[pkg] = p
			}
		}
	}
	for _, tc := range []struct {
		pkg  string
		keys []string
	}{
		{"example.com/libs/urfave1", []string{"ADDR", "APP_ADDR", "APP_DEBUG", "APP_WORKERS"}},
		{"example.com/libs/urfave2", []string{"ADDR", "APP_ADDR", "APP_TIMEOUT", "APP_TOKEN", "APP_WORKERS", "DATABASE_URL", "TOKEN"}},
		{"example.com/libs/urfave3", []string{"ADDR", "APP_ADDR", "APP_REGION", "APP_WORKERS"}},
		{"example.com/libs/kong", []string{"APP_DEBUG", "DB_HOST", "DB_PASSWORD", "HTTP_PORT", "LOG_LEVEL", "PORT"}},
		{"example.com/libs/kongenvars", []string{"APP_HTTP_ADDR", "APP_S_3_BUCKET", "TOKEN"}},
		{"example.com/libs/ff", []string{"APP_DEBUG", "APP_HTTP_ADDR", "APP_LOG_INTERVAL", "APP_TAG"}},
		{"example.com/libs/ff4", []string{"APP_A", "APP_D", "APP_DEBUG", "APP_HTTP_ADDR", "APP_V", "APP_WORKERS"}},
		{"example.com/libs/ff4cmd", []string{"APP_HTTP_ADDR", "APP_STEPS", "APP_V", "APP_VERBOSE", "APP_WAIT"}},
		{"example.com/libs/ff4noenv", nil},
		{"example.com/libs/ffcli", []string{"TOKEN"}},
		{"example.com/libs/cleanenvhelper", []string{"PORT", "TOKEN"}},
		{"example.com/libs/cleanenv", []string{"DB_HOST", "DB_PASSWORD", "HTTP_PORT", "LEVEL", "PORT", "STARTED", "TIMEOUT", "TOKEN"}},
		{"example.com/libs/configor", []string{"CONFIGOR_LEVEL", "CONFIGOR_NAMED_LEVEL", "Configor_Level", "DATABASE_URL", "DYN_KEY", "GOTIFY_SERVER_PORT", "GOTIFY_Server_Port", "PORT"}},
	} {
		p := progs[tc.pkg]
		if p == nil {
			t.Errorf("%s: no Program", tc.pkg)
			continue
		}
		for _, k := range tc.keys {
			if !slices.Contains(p.Keys, k) {
				t.Errorf("%s: Program.Keys = %v, missing %s", tc.pkg, p.Keys, k)
			}
		}
		if len(p.Environ) > 0 || p.Reads("STALE_KEY") {
			t.Errorf("%s: the program reads STALE_KEY (Environ %v, Prefixes %v)", tc.pkg, p.Environ, p.Prefixes)
		}
		for _, u := range p.Unprefixed {
			if strings.HasPrefix(u, "github.com/") {
				t.Errorf("%s: Program.Unprefixed = %v: a library's lookup counted as the program's", tc.pkg, p.Unprefixed)
			}
		}
	}
}
