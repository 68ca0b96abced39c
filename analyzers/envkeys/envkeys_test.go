package envkeys_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/rulestest"
)

// defaults is the run of envkeys with the default settings over the
// scenarios of every test that uses them: analysistest loads the
// scenarios, and the standard library they import, from source on each
// Run, which costs more than the analysis. RunWithSuggestedFixes checks
// the golden files of a; the other scenarios offer no fixes. The run
// loads dynamic too, for TestDynamic's setting (its wants are that
// setting's).
var defaults = rulestest.NewShared(analysistest.TestData(), envkeys.New(envkeys.Config{}), true,
	"a", "b", "fallback", "fallback/nocmp", "viperask", "viperbind", "related",
	"stale", "environ", "twomains/cmd/one", "k8s", "yamlignore", "stale/plugins", "environments", "badmanifest",
	"viperparam", "viperparamglobal", "dynamic", "deployonly", "deployonlydoc")

func TestReads(t *testing.T) {
	defaults.Check(t, "a", "b")
}

func TestDynamic(t *testing.T) {
	a := envkeys.New(envkeys.Config{})
	if err := a.Flags.Set("dynamic", "true"); err != nil {
		t.Fatal(err)
	}
	defaults.CheckWith(t, a, "dynamic")
}

func TestAllow(t *testing.T) {
	a := envkeys.New(envkeys.Config{})
	if err := a.Flags.Set("allow", "SMTP_*,CACHE_SIZE"); err != nil {
		t.Fatal(err)
	}
	got := defaults.Analyze(t, a, "b")
	if len(got) != 0 {
		t.Errorf("with -allow=SMTP_*,CACHE_SIZE: got %q, want no diagnostics", got)
	}
}

// TestUnread checks the diagnostics positioned in manifests, which
// analysistest's // want comments cannot reach.
func TestUnread(t *testing.T) {
	for _, tc := range []struct {
		pkg  string
		want []string
	}{
		// UNREAD_KEY is stale; READ_KEY is read, PLUGIN_ALPHA matches the
		// dynamic prefix PLUGIN_, HOME is well known.
		{"stale", []string{`stale/.env.example:3:1: env key "UNREAD_KEY" is declared in .env.example but never read`}},
		// The program reads its whole environment: nothing is stale.
		{"environ", nil},
		// Two programs share the manifest: neither can tell what the other
		// reads, so NOBODY_KEY is not reported.
		{"twomains/cmd/one", nil},
		// PORT is used by the deployment itself ($(PORT) in args); LOG_LEVEL
		// is read; STORAGE_TYPE is set by the code when empty. Only the
		// hedged undeclared DB_PASSWORD and QUEUE_TYPE remain.
		{"k8s", []string{
			`k8s/main.go:10:16: env key "DB_PASSWORD" is not declared in envvet.yaml, deploy.yaml, unless it comes from what envvet cannot read: envFrom secretRef "db-credentials" is not defined in the sources (deploy.yaml:19)`,
			`k8s/main.go:35:15: env key "QUEUE_TYPE" is not declared in envvet.yaml, deploy.yaml, unless it comes from what envvet cannot read: envFrom secretRef "db-credentials" is not defined in the sources (deploy.yaml:19)`,
		}},
		// envvet.yaml's ignore: field suppresses LEGACY_HOST, not STALE.
		{"yamlignore", []string{`yamlignore/envvet.yaml:7:3: env key "STALE" is declared in envvet.yaml but never read`}},
		// A library package never reports unread keys.
		{"stale/plugins", nil},
		// The instance conf gives AutomaticEnv is asked query.name-space
		// in plugin, as a parameter: QUERY_NAME_SPACE is read, only
		// QUERY_SUPPORT_OLD is stale.
		{"viperparam", []string{`viperparam/.env.example:4:1: env key "QUERY_SUPPORT_OLD" is declared in .env.example but never read`}},
		// The twin: the instance asked has no AutomaticEnv, the global
		// one has and is asked nothing: QUERY_NAME_SPACE is stale.
		{"viperparamglobal", []string{`viperparamglobal/.env.example:3:1: env key "QUERY_NAME_SPACE" is declared in .env.example but never read`}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			got := defaults.Diagnostics(t, tc.pkg)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestExplicitManifest(t *testing.T) {
	a := envkeys.New(envkeys.Config{})
	manifest, err := filepath.Abs(filepath.Join("testdata", "src", "twomains", ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("manifest", manifest); err != nil {
		t.Fatal(err)
	}
	got := defaults.Analyze(t, a, "stale")
	want := []string{
		`stale/main.go:11:16: env key "READ_KEY" is not declared in .env.example`,
		`stale/main.go:12:15: env key "PLUGIN_ALPHA" is not declared in .env.example (read via plugins.Load)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestBadManifest(t *testing.T) {
	errs := defaults.Errors("badmanifest")
	want := "badmanifest/.env.example:2"
	if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, want) }) {
		t.Errorf("a malformed manifest gave errors %q, want one naming %s", errs, want)
	}
}

func TestSharedUnread(t *testing.T) {
	key := func(name string, line int) manifest.Key {
		return manifest.Key{Name: name, File: ".env.example", Line: line}
	}
	one := &envkeys.Result{Dir: "cmd/one", Mains: []string{"cmd/one", "cmd/two"}, Unread: []manifest.Key{key("TWO_KEY", 2), key("NOBODY_KEY", 3)}}
	two := &envkeys.Result{Dir: "cmd/two", Mains: []string{"cmd/one", "cmd/two"}, Unread: []manifest.Key{key("ONE_KEY", 1), key("NOBODY_KEY", 3)}}
	names := func(ks []manifest.Key) (out []string) {
		for _, k := range ks {
			out = append(out, k.Name)
		}
		return out
	}
	if got := names(envkeys.SharedUnread([]*envkeys.Result{one, two})); !slices.Equal(got, []string{"NOBODY_KEY"}) {
		t.Errorf("both programs: %q, want [NOBODY_KEY]", got)
	}
	// With one program missing, nothing can be said.
	if got := envkeys.SharedUnread([]*envkeys.Result{one}); len(got) != 0 {
		t.Errorf("one program of two: %q, want none", names(got))
	}
}

// TestTwoMainsResult checks that a main package sharing its manifest
// reports nothing unread but returns what its program does not read.
func TestTwoMainsResult(t *testing.T) {
	results := defaults.Results("twomains/cmd/one")
	if len(results) == 0 {
		t.Fatal("no result for twomains/cmd/one")
	}
	for _, r := range results {
		res, ok := r.Result.(*envkeys.Result)
		if !ok || res == nil {
			t.Fatalf("result = %#v, want an *envkeys.Result", r.Result)
		}
		var unread []string
		for _, k := range res.Unread {
			unread = append(unread, k.Name)
		}
		if !slices.Equal(unread, []string{"TWO_KEY", "NOBODY_KEY"}) || len(res.Mains) != 2 {
			t.Errorf("result: unread %q, mains %q", unread, res.Mains)
		}
	}
}
