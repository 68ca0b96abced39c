package nocgo

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestAllowed(t *testing.T) {
	c := newChecker(Config{Allow: []string{"example.org/cgolib/...", "example.org/one", "./internal/db", "./legacy/..."}})
	if c.allowErr != nil {
		t.Fatal(c.allowErr)
	}
	main := &analysis.Module{Path: "example.com/app"}
	dep := &analysis.Module{Path: "example.com/app", Version: "v1.0.0"}
	for _, tc := range []struct {
		path string
		mod  *analysis.Module
		want bool
	}{
		{"example.org/cgolib", nil, true}, // x/... matches x
		{"example.org/cgolib/sub/deep", nil, true},
		{"example.org/cgolibx", nil, false},
		{"example.org/one", nil, true},
		{"example.org/one/sub", nil, false},
		{"example.com/app/internal/db", main, true},
		{"example.com/app/internal/db/sub", main, false},
		{"example.com/app/internal/db", nil, false}, // module unknown: relative patterns match nothing
		{"example.com/app/internal/db", dep, false}, // versioned dependency: not the main module
		{"example.com/app/legacy", main, true},
		{"example.com/app/legacy/x", main, true},
		{"example.com/app/legacyx", main, false},
		{"plugin", nil, false},
	} {
		if got := c.allowed(tc.path, tc.mod); got != tc.want {
			t.Errorf("allowed(%q, %v) = %v, want %v", tc.path, tc.mod, got, tc.want)
		}
	}

	all := newChecker(Config{Allow: []string{"./..."}})
	if !all.allowed("example.com/app", main) || !all.allowed("example.com/app/x/y", main) || all.allowed("example.com/other", main) {
		t.Errorf("./... should match exactly the packages of the main module")
	}
	for _, bad := range []string{"..", "../x", "/abs"} {
		if _, err := compilePatterns([]string{bad}); err == nil {
			t.Errorf("compilePatterns(%q): no error", bad)
		}
	}
	if c := newChecker(Config{Allow: []string{"../x"}}); c.allowErr == nil {
		t.Errorf("Config.Allow with a bad pattern: no error")
	}
}

func TestTagsFromGOFLAGS(t *testing.T) {
	for _, tc := range []struct {
		goflags string
		want    []string
	}{
		{"", nil},
		{"-buildvcs=false", nil},
		{"-tags=a,b", []string{"a", "b"}},
		{"--tags=a -mod=mod", []string{"a"}},
		{"-tags a,b -trimpath", []string{"a", "b"}},
		{"-tags=a -tags=c", []string{"c"}},
	} {
		if got := tagsFromGOFLAGS(tc.goflags); !slices.Equal(got, tc.want) {
			t.Errorf("tagsFromGOFLAGS(%q) = %q, want %q", tc.goflags, got, tc.want)
		}
	}
}

func TestFactString(t *testing.T) {
	for _, tc := range []struct {
		f    usesCgo
		want string
	}{
		{usesCgo{File: "x.go"}, `usesCgo(import "C" in x.go)`},
		{usesCgo{File: "x.go", Off: true, Reported: true}, `usesCgo(import "C" in x.go, reported)`},
		{usesCgo{Via: []string{"a", "b"}, File: "b.go"}, `usesCgo(via a -> b, import "C" in b.go)`},
	} {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("%+v.String() = %s, want %s", tc.f, got, tc.want)
		}
	}
}

func TestOnlyPlugin(t *testing.T) {
	for _, tc := range []struct {
		ca   cause
		want bool
	}{
		{cause{path: "plugin", fact: noFallback["plugin"]}, true},
		{cause{path: "a", fact: usesCgo{Via: []string{"b", "plugin"}, File: "plugin_dlopen.go"}}, true},
		{cause{path: "a", fact: usesCgo{File: "a.go"}}, false},
		{cause{path: "a", fact: usesCgo{Via: []string{"plugin2"}, File: "x.go"}}, false},
	} {
		if got := tc.ca.onlyPlugin(); got != tc.want {
			t.Errorf("%+v.onlyPlugin() = %v, want %v", tc.ca, got, tc.want)
		}
	}
	// The fact carries a chain to an import "C" when there is one, even
	// a longer one.
	long := cause{path: "w", fact: usesCgo{Via: []string{"c"}, File: "c.go"}}
	short := cause{path: "plugin", fact: noFallback["plugin"]}
	if !long.before(&short) || short.before(&long) {
		t.Errorf("a chain to import \"C\" should come before a shorter one to plugin")
	}
}

func TestSameProject(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"sigs.k8s.io/kustomize/api", "sigs.k8s.io/kustomize/kustomize/v5", true},
		{"sigs.k8s.io/kustomize/api", "k8s.io/cli-runtime", false},
		{"github.com/aquasecurity/trivy", "github.com/aquasecurity/trivy-kubernetes", false},
		{"github.com/containerd/containerd", "github.com/containerd/containerd/api", true},
		{"github.com/containerd/containerd", "github.com/aquasecurity/trivy", false},
		{"example.com/policy/kz", "example.com/policy", true},
		{"example.org/pluginlib", "example.com/policy", false},
		{"", "", true}, // no module information on either side (nogo)
		{"", "example.com/app", false},
	} {
		if got := sameProject(tc.a, tc.b); got != tc.want {
			t.Errorf("sameProject(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
