package manifest_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

var nameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// checkParse parses data as file and checks the invariants every result
// keeps: keys have a valid name, this file, and a line within it; errors
// are *Error naming the file.
func checkParse(t *testing.T, file string, data []byte) {
	m, err := manifest.Parse(file, data)
	lines := strings.Count(string(data), "\n") + 1
	if strings.HasSuffix(file, ".yaml") || strings.HasSuffix(file, ".yml") {
		// YAML also breaks lines at a lone CR, NEL, LS and PS.
		for _, br := range []string{"\r", "\u0085", "\u2028", "\u2029"} {
			lines += strings.Count(string(data), br)
		}
	}
	if err != nil {
		var me *manifest.Error
		if !errors.As(err, &me) || me.File != file || me.Line < 0 || me.Line > lines {
			t.Fatalf("bad error %#v for %q", err, data)
		}
		if !strings.HasPrefix(err.Error(), file) {
			t.Fatalf("error %q does not start with the file name", err)
		}
		return
	}
	for _, u := range m.Unresolved {
		if u.File != file || u.Line < 1 || u.Line > lines || u.Col < 1 || u.What == "" {
			t.Fatalf("bad unresolved %+v for %q", u, data)
		}
	}
	for _, k := range m.Shadowed {
		if !nameRE.MatchString(k.Name) || k.File != file || k.Line < 1 || k.Line > lines || k.Col < 1 {
			t.Fatalf("bad shadowed key %+v for %q", k, data)
		}
	}
	checkEnvironments(t, file, data, m, lines)
	seen := make(map[string]bool)
	for _, list := range [][]manifest.Key{m.Keys, m.Build} {
		for _, k := range list {
			if !nameRE.MatchString(k.Name) || k.File != file || k.Line < 1 || k.Line > lines || k.Col < 1 {
				t.Fatalf("bad key %+v for %q", k, data)
			}
			if seen[k.Name] {
				t.Fatalf("key %s returned twice for %q", k.Name, data)
			}
			seen[k.Name] = true
			if k.HasDefault != (k.Default != "") && strings.HasSuffix(file, ".example") {
				t.Fatalf("dotenv key %+v: HasDefault disagrees with Default", k)
			}
		}
	}
}

func FuzzDotenv(f *testing.F) {
	for _, s := range []string{
		"",
		"A=1\n",
		"export A=1\n# c\nB=\"x # y\"\nC='z'\n",
		"\uFEFFA=1\r\nB=2\r\n",
		"A=\"multi\nline\"\nB=2",
		"A = spaced # comment\n",
		"A=\"esc \\\" \\n \\\\\"\n",
		"BAD LINE\n",
		"A=\"unterminated\n",
		"1A=x\n",
		"A=1\nA=2\n",
		"CGO_ENABLED=0\nGOOS=linux\n",
		"A=\"x\" tail\n",
		"  export\tA='q'   # c\n",
		"=\n",
		"\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, ".env.example", data)
	})
}

func FuzzYAML(f *testing.F) {
	for _, s := range []string{
		"",
		exampleYAML,
		"keys:\n  A: {}\n  B:\nbuild:\n  CGO_ENABLED: \"0\"\n",
		"keys: {A: {required: true, default: 1}}\n",
		"keys:\n  A: &x {secret: true}\n  B: *x\n",
		"keys:\n  A:\n  A:\n",
		"keys:\n  A:\n    descripton: x\n",
		"keys:\n  A:\n    required: maybe\n",
		"- a\n",
		"keys:\n\tA:\n",
		"keys:\n---\nkeys:\n",
		"keys: *nope\n",
		"&a [*a]\n",
		"keys:\n  ? [A]\n  : {}\n",
		"build:\n  CGO_ENABLED: [0]\n",
		"keys:\n  <<: {A: {}}\n",
		"\uFEFFkeys:\r\n  A:\r\n",
		exampleEnvironments,
		"environments:\n  dev: [.env.dev]\n  prod:\n    sources:\n      - kubernetes: k8s.yaml\n        container: [api]\n",
		"environments: {dev: ~}\n",
		"environments:\n  dev: &s [a.env]\n  prod: *s\n",
		"environments:\n  dev: {sources: [a.env], sources: [b.env]}\n",
		"environments:\n  dev: {files: [a.env]}\n",
		"environments:\n  \"\": [a.env]\n",
		"environments: [dev]\n",
		"environments:\n  dev: [{compose: c.yml, kubernetes: k.yaml}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "envvet.yaml", data)
	})
}

func FuzzCompose(f *testing.F) {
	for _, name := range []string{"compose/docker-compose.yml", "compose/envvet.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "deploy", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"services:\n",
		"services: {a: ~}\n",
		"services:\n  a:\n    environment: [A=1, B, \"C=x\"]\n",
		"services:\n  a:\n    environment: {A: 1, B: ~, C: [1]}\n",
		"services:\n  a:\n    env_file: [x.env, {path: y.env, required: false}]\n",
		"x: &e {A: 1}\nservices:\n  a:\n    environment:\n      <<: *e\n      B: 2\n",
		"x: &e [A=1]\nservices:\n  a: {environment: *e}\n  b: {environment: *e}\n",
		"services:\n  a:\n    environment: A\n",
		"services: [a]\n",
		"services: {}\n---\nservices: {}\n",
		"services:\n  a:\n    environment:\n      <<: [*nope]\n",
		"a: &a {<<: *a}\nservices: {s: {environment: *a}}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "docker-compose.yml", data)
	})
}

func FuzzKubernetes(f *testing.F) {
	for _, name := range []string{"k8s/app.yaml", "k8s/workloads.yaml", "helm/rendered.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "deploy", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"apiVersion: v1\nkind: Pod\n",
		"apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, env: [{name: A, value: x}]}]}\n",
		"apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, envFrom: [{configMapRef: {name: c}, prefix: P_}]}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: '1', b.c: x}\n",
		"apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {A: x}\n---\napiVersion: v1\nkind: Pod\nspec: {initContainers: [{envFrom: [{secretRef: {name: s}}]}]}\n",
		"apiVersion: batch/v1\nkind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{env: [{name: A}]}]}}}}}\n",
		"apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: List, items: [{kind: Pod, spec: {containers: [{env: [{name: A}]}]}}]}]\n",
		"apiVersion: v1\nkind: Pod\nspec: {containers: {a: 1}}\n",
		"apiVersion: v1\nkind: Pod\nspec: {containers: [{env: [{value: x}]}]}\n",
		"---\n---\napiVersion: v1\nkind: Service\n...\n",
		"apiVersion: v1\nkind: Pod\n---\n- a\n---\nb\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "k8s.yaml", data)
	})
}

func FuzzDockerfile(f *testing.F) {
	for _, s := range []string{
		"FROM golang AS b\nENV CGO_ENABLED=0\nRUN go build .\nFROM alpine\nENV PORT=1\n",
		"ARG CGO_ENABLED=0\nFROM x\nARG CGO_ENABLED\nRUN --mount=type=cache,target=/c \\\n  CGO_ENABLED=$CGO_ENABLED go build\n",
		"# escape=`\nFROM x\nRUN go `\n  build\n",
		"FROM x\nRUN <<-EOF\n\tCGO_ENABLED=0 go build\n\tEOF\n",
		"FROM x\nRUN [\"go\", \"build\"]\nENV A B C\nENV X=\"${Y:-1}\" Z='q'\n",
		"FROM x\nRUN export CGO_ENABLED=0 && (cd a; go build) | tee $(echo\n",
		"FORM x\n", "ENV A=1\n", "FROM x\nRUN <<EOF\n", "FROM x\nENV A=\"\\\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "Dockerfile", data)
	})
}

func FuzzMakefile(f *testing.F) {
	for _, s := range []string{
		"export CGO_ENABLED ?= 0\nb:\n\tgo build\n",
		"CGO := 0\nb:\n\t@CGO_ENABLED=$(CGO) go build \\\n\t  ./...\n",
		"# CGO_ENABLED=0 go build\nb:\n\t-env CGO_ENABLED=${X go build\n",
		"export\nexport A B\nA += $(\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "Makefile", data)
	})
}

func FuzzGoreleaser(f *testing.F) {
	for _, s := range []string{
		"env: [CGO_ENABLED=0]\nbuilds:\n  - env: [CGO_ENABLED=1]\n  - skip: true\n",
		"builds: [{env: ['CGO_ENABLED={{ .Env.X }}']}]\n",
		"env: x\n", "builds: 1\n", "- a\n", "builds: [1]\n", "env: [[a]]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, ".goreleaser.yaml", data)
	})
}

// exampleEnvironments is an envvet.yaml with every form of environments:.
const exampleEnvironments = `keys:
  PAY_DB_NAME: {required: true}
environments:
  dev:
    - compose: docker-compose.yml
      service: pay
  staging:
    sources:
      - kustomize: deploy/overlays/staging
        container: pay
  prod:
    - kustomize: deploy/overlays/prod
    - dotenv: deploy/prod.env
    - deploy/k8s/worker.yaml
`

// checkEnvironments checks the invariants of Parse's environments: each
// is named validly and positioned in file, holds no key (Parse reads no
// source) and lists each source as unresolved, which the manifest lists
// too.
func checkEnvironments(t *testing.T, file string, data []byte, m *manifest.Manifest, lines int) {
	t.Helper()
	seen := make(map[string]bool)
	for _, e := range m.Environments {
		if e.Name == "" || seen[e.Name] || e.File != file || e.Line < 1 || e.Line > lines || e.Col < 1 {
			t.Fatalf("bad environment %+v for %q", e, data)
		}
		seen[e.Name] = true
		if e.At.File != file || e.At.Line < 1 || e.At.Line > lines || len(e.Keys) != 0 || len(e.Unresolved) == 0 {
			t.Fatalf("environment %+v for %q: want no keys, its sources unresolved, At in the file", e, data)
		}
		for _, u := range e.Unresolved {
			if !slices.Contains(m.Unresolved, u) {
				t.Fatalf("environment %s: unresolved %v missing from the manifest's", e.Name, u)
			}
		}
	}
}
