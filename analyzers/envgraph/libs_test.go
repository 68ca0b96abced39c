package envgraph_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/modtest"
)

// libsDir returns testdata/libs, a module whose packages use the real
// configuration libraries, after fetching them into the module cache
// (analysistest loads it with GOPROXY=off).
func libsDir(t *testing.T) string {
	dir := filepath.Join(analysistest.TestData(), "libs")
	modtest.Download(t, dir)
	return dir
}

// TestLibraries runs the graph on programs that declare their keys through
// the real configuration libraries, fetched from the module proxy.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libsDir(t), refs, "./urfave1", "./urfave2", "./urfave3", "./kong", "./kongenvars", "./cleanenv", "./cleanenvhelper/...", "./ff", "./ff4", "./ff4cmd", "./ff4noenv", "./ffcli", "./koanf", "./godotenv")
}

// TestLibraryPrograms checks that a library's own lookups of the keys its
// callers declare make the program read neither any key nor the whole
// environment: a manifest key nothing declares stays unread.
func TestLibraryPrograms(t *testing.T) {
	var mu sync.Mutex
	progs := make(map[string]*envgraph.Program)
	record := &analysis.Analyzer{
		Name:     "record",
		Doc:      "record each main package's Program",
		Requires: []*analysis.Analyzer{envgraph.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if p := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph).Program(); p != nil {
				mu.Lock()
				progs[pass.Pkg.Path()] = p
				mu.Unlock()
			}
			return nil, nil
		},
	}
	analysistest.Run(wantsIgnored{t}, libsDir(t), record, "./urfave1", "./urfave2", "./urfave3", "./kong", "./kongenvars", "./cleanenv", "./cleanenvhelper/...", "./ff", "./ff4", "./ff4cmd", "./ff4noenv", "./ffcli", "./koanf", "./godotenv")
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

// wantsIgnored passes on every error but the unmet // want comments of
// the graph's test, which an analyzer reporting nothing leaves unmet.
type wantsIgnored struct{ t *testing.T }

func (w wantsIgnored) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no diagnostic was reported matching") {
		w.t.Error(msg)
	}
}
