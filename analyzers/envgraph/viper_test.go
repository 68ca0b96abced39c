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

// viperDir returns testdata/viperlibs, a module whose programs use the
// real viper (and koanf), after fetching them into the module cache.
func viperDir(t *testing.T) string {
	dir := filepath.Join(analysistest.TestData(), "viperlibs")
	modtest.Download(t, dir)
	return dir
}

var viperPkgs = []string{"./viperglobal", "./viperdyn", "./vipercross/...", "./viperlocal", "./viperescape", "./viperbind", "./viperbindopen", "./koanfv1", "./koanfv2", "./koanfopen", "./koanfhanded", "./koanfhandedopen", "./koanffile", "./viperparam/...", "./viperparamglobal"}

// TestViper checks the references of the keys asked of viper and koanf
// instances, and that a prefix makes the program read the keys it asks
// for, not every key with the prefix, unless some key asked is not known.
// One load of the module serves both: type-checking viper is dear.
func TestViper(t *testing.T) {
	var mu sync.Mutex
	progs := make(map[string]*envgraph.Program)
	a := &analysis.Analyzer{
		Name:     "refs",
		Doc:      "report envgraph's references and record each main package's Program",
		Requires: []*analysis.Analyzer{envgraph.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			g := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
			for _, r := range g.Refs() {
				pass.Report(analysis.Diagnostic{Pos: r.Pos, End: r.End, Message: describe(r)})
			}
			if p := g.Program(); p != nil {
				mu.Lock()
				progs[pass.Pkg.Path()] = p
				mu.Unlock()
			}
			return nil, nil
		},
	}
	analysistest.Run(t, viperDir(t), a, viperPkgs...)
	for _, tc := range []struct {
		pkg          string
		read, unread []string
	}{
		{"example.com/viperlibs/viperglobal", []string{"SHOP_HTTP_PORT", "SHOP_LOG_LEVEL", "SHOP_SMTP_HOST", "SHOP_TLS_CERT"}, []string{"SHOP_MODE", "SHOP_STALE"}},
		{"example.com/viperlibs/viperdyn", []string{"SHOP_PORT", "SHOP_STALE"}, []string{"STALE"}},
		{"example.com/viperlibs/vipercross", []string{"SHOP_DB_HOST", "SHOP_HTTP_ADDR"}, []string{"SHOP_STALE", "SHOP_DB_PORT"}},
		{"example.com/viperlibs/viperlocal", []string{"API_NAME", "API_DB_HOST", "API_DB_TIMEOUT", "API_LABELS_TEAM", "API_DEBUG"}, []string{"API_INTERNAL", "API_SECRET", "API_STALE"}},
		{"example.com/viperlibs/viperescape", []string{"API_PORT", "API_STALE"}, []string{"STALE"}},
		{"example.com/viperlibs/viperbind", []string{"SHOP_PORT", "SHOP_DB_MAX_CONNS", "SHOP_AS", "SHOP_DB_MIN", "DB_MIN", "SHOP_DB_IDLE"}, []string{"STALE", "SHOP_STALE", "SHOP_DB_MAX", "DB_MAX_CONNS"}},
		{"example.com/viperlibs/viperbindopen", []string{"SHOP_PORT", "SHOP_STALE"}, []string{"STALE"}},
		{"example.com/viperlibs/koanfv1", []string{"APP_DB_HOST", "APP_db_host", "APP_DB_PORT", "APP_TAGS_TEAM", "APP_LOG_LEVEL", "APP_DEBUG"}, []string{"APP_STALE", "APP_DB"}},
		{"example.com/viperlibs/koanfv2", []string{"CACHE_URL", "SHOP_STALE"}, []string{"CACHE_STALE"}},
		{"example.com/viperlibs/koanfopen", []string{"APP_STALE", "CACHE_STALE"}, []string{"STALE"}},
		{"example.com/viperlibs/koanfhanded", []string{"APP_DB__HOST", "APP_DB__PORT", "APP_APP__ADDRESS", "APP_APP__CHECK_UPDATES"}, []string{"APP_STALE", "APP_DB_HOST"}},
		{"example.com/viperlibs/koanfhandedopen", []string{"APP_STALE", "CACHE_URL", "CACHE_STALE", "QUEUE_NAME", "DB_HOST", "DB_STALE"}, []string{"STALE"}},
		{"example.com/viperlibs/koanffile", nil, []string{"DB_HOST", "DB__HOST", "APP_DB__HOST"}},
		// The instance conf sets up is asked keys in plugin, as a
		// parameter: the program reads them; the global instance's key
		// is read by nothing (it has no AutomaticEnv); the keys asked of
		// plugin's sub-tree instances are not read without their sub-tree.
		{"example.com/viperlibs/viperparam", []string{"QUERY_NAME_SPACE", "QUERY_TOKEN_FILE"}, []string{"QUERY_NAME_SPACE_X", "GLOBAL_ONLY", "QUERY", "SIZE"}},
		// Its twin: only the global instance has AutomaticEnv (and a key
		// replacer), so the keys asked of the one handed on are not read.
		{"example.com/viperlibs/viperparamglobal", nil, []string{"QUERY_NAME_SPACE", "QUERY_TOKEN_FILE"}},
	} {
		p := progs[tc.pkg]
		if p == nil {
			t.Errorf("%s: no Program", tc.pkg)
			continue
		}
		for _, k := range tc.read {
			if !p.Reads(k) {
				t.Errorf("%s: the program does not read %s (Keys %v, Prefixes %v)", tc.pkg, k, p.Keys, p.Prefixes)
			}
		}
		for _, k := range tc.unread {
			if p.Reads(k) {
				t.Errorf("%s: the program reads %s (Keys %v, Prefixes %v, Environ %v)", tc.pkg, k, p.Keys, p.Prefixes, p.Environ)
			}
		}
		// vipercross's main asks db.host without an AutomaticEnv of its
		// own: only the program can name the env key (config folds its
		// own asks); an open instance names none.
		var asked []string
		for _, a := range p.Asked {
			asked = append(asked, fmt.Sprintf("%s %s %s:%d", a.Key, a.Package, filepath.Base(a.At.File), a.At.Line))
		}
		want := ""
		if tc.pkg == "example.com/viperlibs/vipercross" {
			want = "SHOP_DB_HOST example.com/viperlibs/vipercross main.go:15"
		}
		if got := strings.Join(asked, "; "); got != want {
			t.Errorf("%s: Asked = %q, want %q", tc.pkg, got, want)
		}
		// viperbindopen binds names not known: Unprefixed, as before.
		if slices.Contains(p.Unprefixed, tc.pkg) && tc.pkg != "example.com/viperlibs/viperbindopen" {
			t.Errorf("%s: Unprefixed = %v", tc.pkg, p.Unprefixed)
		}
	}
}
