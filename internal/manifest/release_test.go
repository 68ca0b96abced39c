package manifest_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// TestRelease checks the build policy and runtime keys that release
// files declare. Each positive case has a negative twin next to it.
func TestRelease(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		cgo              string   // "value@line:col" of CGO_ENABLED ("?@..." when unknown), or "" with no build
		keys             []string // runtime keys
	}{
		{"multistage", "Dockerfile", "FROM golang:1.26 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\n\nFROM alpine\nENV PORT=8080\nARG VERSION\nCOPY --from=build /app /app\n",
			"0@2:5", []string{"PORT"}},
		{"builder cgo on, runtime stage off", "Dockerfile", "FROM golang AS build\nRUN CGO_ENABLED=1 go build -o /app .\nFROM alpine\nENV CGO_ENABLED=0 TZ=UTC\n",
			"1@2:5", []string{"TZ"}},
		{"stage without go build", "Dockerfile", "FROM golang AS test\nENV CGO_ENABLED=0\nRUN go test ./...\nFROM alpine\n",
			"", nil},
		{"export", "build.Dockerfile", "FROM golang\nRUN set -e; export CGO_ENABLED=0 && go build ./cmd/app\n",
			"0@2:20", nil},
		{"mount flag and continuation", "Containerfile", "FROM golang AS b\nRUN --mount=type=cache,target=/root/.cache/go-build \\\n    # a comment inside\n    CGO_ENABLED=0 GOOS=linux go build -o /app .\n",
			"0@4:5", nil},
		{"global ARG redeclared", "Dockerfile", "ARG CGO_ENABLED=0\nFROM golang AS b\nARG CGO_ENABLED\nRUN go build .\n",
			"0@1:5", nil},
		{"global ARG not redeclared", "Dockerfile", "ARG CGO_ENABLED=0\nFROM golang AS b\nRUN go build .\n",
			"?@3:5", nil},
		{"inherited stage", "Dockerfile", "FROM golang AS base\nENV CGO_ENABLED=0\nFROM base AS b\nRUN go build .\nFROM b\n",
			"0@2:5", []string{}},
		{"env command and go test", "Dockerfile", "FROM golang\nRUN CGO_ENABLED=1 go test -race ./... && env CGO_ENABLED=0 go build .\n",
			"0@2:46", nil},
		{"commented out", "Dockerfile", "FROM golang\n# RUN CGO_ENABLED=0 go build .\nRUN go build .\n",
			"?@3:5", nil},
		{"heredoc", "Dockerfile", "FROM golang\nRUN <<EOF\nset -e\nCGO_ENABLED=0 go build -o /app .\nEOF\nENV A=1\n",
			"0@4:1", []string{"A"}},
		{"stages disagree", "Dockerfile", "FROM golang AS a\nRUN CGO_ENABLED=0 go build .\nFROM golang AS b\nRUN CGO_ENABLED=1 go build ./cmd/x\n",
			"?@2:19", nil},
		{"legacy ENV and variables", "Dockerfile", "FROM golang\nARG CGO=0\nENV CGO_ENABLED ${CGO}\nRUN go build .\n",
			"0@3:5", nil},
		{"escape directive", "Dockerfile", "# escape=`\nFROM golang\nENV CGO_ENABLED=0\nRUN go build `\n  .\nRUN go install .\n",
			"0@3:5", nil},
		{"a build left to the default", "Dockerfile", "FROM golang AS a\nRUN CGO_ENABLED=0 go build ./cmd/cli\nFROM golang AS b\nRUN go build ./cmd/web\n",
			"?@2:19", nil},
		{"tool install and make", "Dockerfile", "FROM golang\nRUN go install github.com/go-delve/delve/cmd/dlv@latest && make deps\nRUN CGO_ENABLED=0 make build\n",
			"0@3:5", nil},
		{"exec form", "Dockerfile", "FROM golang\nENV CGO_ENABLED=0\nRUN [\"go\", \"build\", \".\"]\n",
			"0@2:5", nil},
		{"goreleaser top level", ".goreleaser.yaml", "env:\n  - CGO_ENABLED=0\nbuilds:\n  - main: ./cmd/app\n",
			"0@2:5", nil},
		{"goreleaser build overrides", ".goreleaser.yml", "env:\n  - CGO_ENABLED=0\nbuilds:\n  - env: [CGO_ENABLED=1]\n",
			"1@4:11", nil},
		{"goreleaser builds disagree", "goreleaser.yaml", "env: [CGO_ENABLED=0]\nbuilds:\n  - id: a\n  - id: b\n    env: [CGO_ENABLED=1]\n",
			"?@3:5", nil},
		{"goreleaser skipped build", ".goreleaser.yaml", "builds:\n  - env: [CGO_ENABLED=0]\n  - skip: true\n    env: [CGO_ENABLED=1]\n",
			"0@2:11", nil},
		{"goreleaser build left to the default", ".goreleaser.yaml", "builds:\n  - id: cli\n    env: [CGO_ENABLED=0]\n  - id: web\n",
			"?@2:5", nil},
		{"goreleaser template", ".goreleaser.yaml", "builds:\n  - env: ['CGO_ENABLED={{ .Env.CGO }}']\n",
			"?@2:5", nil},
		{"makefile recipe", "Makefile", "build:\n\t@CGO_ENABLED=0 go build -o bin/app ./cmd/app\n",
			"0@2:3", nil},
		{"makefile recipe left to the default", "Makefile", "build:\n\tCGO_ENABLED=0 go build ./cmd/cli\n\tgo build ./cmd/web\n",
			"?@2:16", nil},
		{"makefile comment", "Makefile", "# CGO_ENABLED=0 go build\nbuild:\n\tgo build ./...\n",
			"?@3:2", nil},
		{"makefile export", "GNUmakefile", "export CGO_ENABLED ?= 0\nbuild:\n\tgo build ./...\n",
			"0@1:8", nil},
		{"makefile variable not exported", "Makefile", "CGO_ENABLED ?= 0\nbuild:\n\tgo build ./...\n",
			"?@3:2", nil},
		{"makefile variable passed", "Makefile", "CGO_ENABLED ?= 0\nbuild:\n\tCGO_ENABLED=$(CGO_ENABLED) go build ./...\n",
			"0@3:2", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := manifest.Parse(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if k, ok := m.BuildVar("CGO_ENABLED"); ok {
				val := k.Default
				if !k.HasDefault {
					val = "?" // builds that disagree or leave it to the default
				}
				got = val + "@" + strings.TrimPrefix(k.Pos(), tc.file+":")
				if k.File != tc.file {
					t.Errorf("CGO_ENABLED declared in %s, want %s", k.File, tc.file)
				}
			}
			if got != tc.cgo {
				t.Errorf("CGO_ENABLED = %q, want %q", got, tc.cgo)
			}
			var keys []string
			for _, k := range m.Keys {
				keys = append(keys, k.Name)
			}
			if len(keys) != len(tc.keys) || !slices.Equal(keys, tc.keys) && len(keys) > 0 {
				t.Errorf("keys = %q, want %q", keys, tc.keys)
			}
		})
	}
}

// TestReleaseErrors checks that malformed release files are errors with
// their position.
func TestReleaseErrors(t *testing.T) {
	for _, tc := range []struct{ file, data, want string }{
		{"Dockerfile", "FORM alpine\n", `Dockerfile:1:1: unknown instruction "FORM"`},
		{"Dockerfile", "# syntax=docker/dockerfile:1\n\n  ENV A=1\nFROM x\n", `Dockerfile:3:3: ENV before the first FROM`},
		{"Dockerfile", "FROM x\nRUN <<EOF\necho\n", `Dockerfile:2: heredoc EOF is not terminated`},
		{"Dockerfile", "FROM x\nENV A=1 B\n", `Dockerfile:2:9: ENV: "B" is not NAME=value`},
		{"Dockerfile", "FROM x\nENV\n", `Dockerfile:2:1: ENV needs a name and a value`},
		{"Dockerfile", "FROM\n", `Dockerfile:1:1: FROM needs an image`},
		{"Dockerfile", "FROM x\nARG 1X=2\n", `Dockerfile:2:5: ARG: invalid name "1X"`},
		{".goreleaser.yaml", "env: CGO_ENABLED=0\n", `.goreleaser.yaml:1:6: env must be a list of KEY=value, not "CGO_ENABLED=0"`},
		{".goreleaser.yaml", "builds:\n  - env: [CGO_ENABLED]\n", `.goreleaser.yaml:2:11: env entry "CGO_ENABLED" is not KEY=value`},
		{".goreleaser.yaml", "builds: {a: 1}\n", `.goreleaser.yaml:1:9: builds must be a list, not a mapping`},
		{".goreleaser.yaml", "env: [\n", `.goreleaser.yaml:1: invalid YAML`},
	} {
		_, err := manifest.Parse(tc.file, []byte(tc.data))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s %q: error %v, want %s", tc.file, tc.data, err, tc.want)
		}
	}
}

// TestReleaseFiles checks discovery at the module root and that a
// release file named in sources: declares its keys.
func TestReleaseFiles(t *testing.T) {
	root := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n")
	write("Dockerfile", "FROM golang AS b\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nENV PORT=1\n")
	write("Dockerfile.tmpl", "{{ template }}\n")
	write("Makefile", "build:\n\tCGO_ENABLED=0 go build .\n")
	write("cmd/app/main.go", "package main\n")
	files, err := manifest.ReleaseFiles(filepath.Join(root, "cmd", "app"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(root, "Dockerfile"), filepath.Join(root, "Makefile")}; !slices.Equal(files, want) {
		t.Fatalf("ReleaseFiles = %q, want %q", files, want)
	}
	var c manifest.Cache
	p, ok, err := c.ReleaseVar(filepath.Join(root, "cmd", "app"), "CGO_ENABLED")
	if err != nil || !ok || p.Key.Default != "0" || p.Key.Line != 2 || p.Root != root {
		t.Fatalf("ReleaseVar = %+v, %v, %v", p, ok, err)
	}

	// A Makefile with a plain go build (a developer's target) does not
	// lift the Dockerfile's policy: the more specific file decides.
	write("Makefile", "build:\n\tgo build .\n")
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || !ok || p.Key.Line != 2 {
		t.Fatalf("ReleaseVar with a dev Makefile = %+v, %v, %v", p, ok, err)
	}
	// A goreleaser config whose second build keeps the default: it decides, no policy.
	write(".goreleaser.yaml", "builds:\n  - env: [CGO_ENABLED=0]\n  - main: ./cmd/web\n")
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || ok {
		t.Fatalf("ReleaseVar with a default goreleaser build = %+v, %v, %v", p, ok, err)
	}

	// A goreleaser config that builds with cgo on decides over the
	// Dockerfile's cgo off: no policy follows.
	write(".goreleaser.yaml", "env: [CGO_ENABLED=1]\n")
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || !ok || p.Key.Default != "1" || filepath.Base(p.Key.File) != ".goreleaser.yaml" {
		t.Fatalf("ReleaseVar with goreleaser's cgo on = %+v, %v, %v", p, ok, err)
	}
	// beads v0.52.0: goreleaser builds every release with cgo off, the
	// Makefile's build with cgo on; the release decides. (A new cache for
	// each step: a file rewritten with the same size in the same clock
	// tick looks unchanged to the old one.)
	write(".goreleaser.yaml", "env: [CGO_ENABLED=0]\n")
	write("Makefile", "export CGO_ENABLED := 1\nbuild:\n\tgo build .\n")
	c = manifest.Cache{}
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || !ok || p.Key.Default != "0" || filepath.Base(p.Key.File) != ".goreleaser.yaml" {
		t.Fatalf("ReleaseVar with goreleaser's cgo off and the Makefile's on = %+v, %v, %v", p, ok, err)
	}
	// So does a Dockerfile over a Makefile, and two goreleaser files that
	// disagree give no policy whatever the others say.
	if err := os.Remove(filepath.Join(root, ".goreleaser.yaml")); err != nil {
		t.Fatal(err)
	}
	c = manifest.Cache{}
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || !ok || p.Key.Default != "0" || filepath.Base(p.Key.File) != "Dockerfile" {
		t.Fatalf("ReleaseVar with the Dockerfile's cgo off and the Makefile's on = %+v, %v, %v", p, ok, err)
	}
	write(".goreleaser.yaml", "env: [CGO_ENABLED=0]\n")
	write("goreleaser.yml", "env: [CGO_ENABLED=1]\n")
	c = manifest.Cache{}
	if p, ok, err := c.ReleaseVar(root, "CGO_ENABLED"); err != nil || ok {
		t.Fatalf("ReleaseVar with goreleaser files that disagree = %+v, %v, %v", p, ok, err)
	}
	for _, f := range []string{".goreleaser.yaml", "goreleaser.yml"} {
		if err := os.Remove(filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}

	write("envvet.yaml", "sources:\n  - dockerfile: Dockerfile\n  - build/release.mk\n")
	write("build/release.mk", "export CGO_ENABLED := 0\nb:\n\tgo build\n")
	m, err := manifest.Load(filepath.Join(root, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := m.Lookup("PORT"); !ok || k.Line != 4 {
		t.Errorf("PORT = %+v, %v; want it declared on line 4 of the Dockerfile", k, ok)
	}
	if got := m.Declarations("CGO_ENABLED"); len(got) != 2 {
		t.Errorf("CGO_ENABLED declarations = %+v, want the Dockerfile's and the Makefile's", got)
	}
}

// TestGoreleaserMains checks the main packages a .goreleaser.yaml's
// builds compile: dir: and main: joined, a main: file taken as its
// directory, skipped builds left out, and nil when a template hides one.
func TestGoreleaserMains(t *testing.T) {
	root := t.TempDir()
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"two builds", "env: [CGO_ENABLED=0]\nbuilds:\n  - main: ./cmd/app\n  - main: ./cmd/worker/main.go\n  - skip: true\n    main: ./cmd/tool\n",
			[]string{"cmd/app", "cmd/worker"}},
		{"dir and the default main", "builds:\n  - dir: server\n    env: [CGO_ENABLED=0]\n", []string{"server"}},
		{"no builds", "env: [CGO_ENABLED=0]\n", []string{"."}},
		{"a template", "env: [CGO_ENABLED=0]\nbuilds:\n  - main: ./cmd/app\n  - main: '{{ .Env.MAIN }}'\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(root, ".goreleaser.yaml")
			m, err := manifest.Parse(file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			k, ok := m.BuildVar("CGO_ENABLED")
			if !ok {
				t.Fatal("no CGO_ENABLED")
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, filepath.Join(root, filepath.FromSlash(w)))
			}
			if !slices.Equal(k.Mains, want) {
				t.Errorf("Mains = %q, want %q", k.Mains, want)
			}
		})
	}
}
