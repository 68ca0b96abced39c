package manifest_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/manifest"
)

// at renders a declaration with its file's base name:
// file:line:col NAME[="default"][ secret].
func at(k manifest.Key) string {
	s := fmt.Sprintf("%s:%d:%d %s", filepath.Base(k.File), k.Line, k.Col, k.Name)
	if k.HasDefault {
		s += fmt.Sprintf("=%q", k.Default)
	}
	if k.Secret {
		s += " secret"
	}
	if k.Required {
		s += " required"
	}
	if k.Expanded {
		s += " expanded"
	}
	return s
}

func ats(keys []manifest.Key) []string {
	out := []string{}
	for _, k := range keys {
		out = append(out, at(k))
	}
	return out
}

func unresolved(m *manifest.Manifest) []string {
	out := []string{}
	for _, u := range m.Unresolved {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(u.File), u.Line, u.Col, u.What))
	}
	return out
}

func deploy(name string) string { return filepath.Join("testdata", "deploy", filepath.FromSlash(name)) }

func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", what, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestComposeAllServices(t *testing.T) {
	m, err := manifest.Load(deploy("compose/docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		// api: environment in map form, merged from an anchor first
		`docker-compose.yml:2:3 LOG_LEVEL="info"`,
		`docker-compose.yml:3:3 SHARED`,
		`docker-compose.yml:10:7 DATABASE_URL="postgres://db/app"`,
		`docker-compose.yml:11:7 PORT="8080"`,
		`docker-compose.yml:12:7 EMPTY`,
		`docker-compose.yml:13:8 QUOTED_KEY="x"`,
		// api: env_file (a bare name is allowed; CGO_ENABLED is the container's)
		`api.env:2:1 API_TOKEN`,
		`api.env:3:1 CGO_ENABLED="0"`,
		`api.env:4:1 HOST_ONLY`,
		// worker: list form
		`docker-compose.yml:21:9 QUEUE_URL="amqp://mq"`,
		`docker-compose.yml:22:9 PASSTHROUGH`,
		`docker-compose.yml:23:10 QUOTED="1"`,
		`worker.env:1:1 WORKER_CONCURRENCY="4"`,
	})
	diff(t, "Shadowed", ats(m.Shadowed), []string{`docker-compose.yml:24:9 PORT="9090"`})
	if len(m.Build) != 0 {
		t.Errorf("Build = %v; an env_file's keys are the container's runtime keys", ats(m.Build))
	}
	diff(t, "Unresolved", unresolved(m), []string{`docker-compose.yml:17:15: env_file optional.env does not exist`})
	diff(t, "Files", m.Files, []string{deploy("compose/docker-compose.yml"), deploy("compose/api.env"), deploy("compose/worker.env")})
	if k, _ := m.Lookup("API_TOKEN"); k.Description != "token for the upstream API" {
		t.Errorf("API_TOKEN description = %q", k.Description)
	}
	// Negative twins: a name that is not a variable name, and the db
	// service's image, declare nothing.
	for _, name := range []string{"not-a-var", "image"} {
		if _, ok := m.Lookup(name); ok {
			t.Errorf("%s declared", name)
		}
	}
}

func TestComposeOneService(t *testing.T) {
	m, err := manifest.Load(deploy("compose/envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		`envvet.yaml:2:3 ONLY_IN_YAML required`,
		`docker-compose.yml:21:9 QUEUE_URL="amqp://mq"`,
		`docker-compose.yml:22:9 PASSTHROUGH`,
		`docker-compose.yml:23:10 QUOTED="1"`,
		`docker-compose.yml:24:9 PORT="9090"`,
		`worker.env:1:1 WORKER_CONCURRENCY="4"`,
	})
	// Negative twins: the api service's keys and env_file are not declared.
	for _, name := range []string{"DATABASE_URL", "LOG_LEVEL", "API_TOKEN"} {
		if _, ok := m.Lookup(name); ok {
			t.Errorf("%s of another service declared", name)
		}
	}
	if len(m.Unresolved) != 0 {
		t.Errorf("Unresolved = %v", unresolved(m))
	}
	if got, want := m.DisplayName(), "envvet.yaml, docker-compose.yml, worker.env"; got != want {
		t.Errorf("DisplayName = %q, want %q", got, want)
	}
}

func TestKubernetes(t *testing.T) {
	m, err := manifest.Load(deploy("k8s/app.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		`app.yaml:53:21 LOG_LEVEL="debug"`,
		`app.yaml:55:21 DB_USER secret`,
		// envFrom: the ConfigMap's keys (config.yaml is no variable name) ...
		`app.yaml:6:3 FEATURE_FLAGS="a,b"`,
		// ... and the Secret's, prefixed.
		`app.yaml:23:3 APP_DB_PASSWORD secret`,
		`app.yaml:25:3 APP_API_KEY secret`,
		`app.yaml:68:21 SIDECAR_ONLY`,
		`app.yaml:48:21 MIGRATIONS_DIR="/migrations"`,
	})
	diff(t, "Unresolved", unresolved(m), []string{`app.yaml:65:23: envFrom configMapRef "external-config" is not defined in the sources`})
	// Negative twins: a ConfigMap nothing refers to, a Secret's keys
	// without the prefix, a Service's port name.
	for _, name := range []string{"UNUSED_KEY", "DB_PASSWORD", "API_KEY", "http"} {
		if _, ok := m.Lookup(name); ok {
			t.Errorf("%s declared", name)
		}
	}
}

func TestKubernetesContainer(t *testing.T) {
	root := t.TempDir()
	data, err := os.ReadFile(deploy("k8s/app.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The ConfigMaps and Secrets in one file, the workload in another:
	// envFrom resolves across the sources.
	objects, workload, _ := strings.Cut(string(data), "---\napiVersion: v1\nkind: Service")
	writeFiles(t, root, map[string]string{
		"objects.yaml": objects,
		"api.yaml":     "apiVersion: v1\nkind: Service" + workload,
		"envvet.yaml":  "sources:\n  - kubernetes: api.yaml\n    container: [sidecar, migrate]\n  - kubernetes: objects.yaml\n",
	})
	m, err := manifest.Load(filepath.Join(root, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{`api.yaml:42:21 SIDECAR_ONLY`, `api.yaml:22:21 MIGRATIONS_DIR="/migrations"`})
	// Negative twin: the ConfigMap that only the api container uses.
	if _, ok := m.Lookup("FEATURE_FLAGS"); ok {
		t.Errorf("FEATURE_FLAGS of an unselected container declared")
	}

	writeFiles(t, root, map[string]string{"envvet.yaml": "sources: [{kubernetes: api.yaml, container: api}, objects.yaml]\n"})
	m, err = manifest.Load(filepath.Join(root, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		`api.yaml:27:21 LOG_LEVEL="debug"`,
		`api.yaml:29:21 DB_USER secret`,
		`objects.yaml:6:3 FEATURE_FLAGS="a,b"`,
		`objects.yaml:23:3 APP_DB_PASSWORD secret`,
		`objects.yaml:25:3 APP_API_KEY secret`,
	})
	diff(t, "Unresolved", unresolved(m), []string{`api.yaml:39:23: envFrom configMapRef "external-config" is not defined in the sources`})

	// Each file named directly: the same.
	m2, err := manifest.Load(filepath.Join(root, "api.yaml"), filepath.Join(root, "objects.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m2.Lookup("APP_API_KEY"); !ok {
		t.Errorf("envFrom not resolved across files given to Load: %v", ats(m2.Keys))
	}
}

func TestKubernetesKinds(t *testing.T) {
	m, err := manifest.Load(deploy("k8s/workloads.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		`workloads.yaml:7:30 POD_KEY="1"`,
		`workloads.yaml:15:43 STATEFULSET_KEY`,
		`workloads.yaml:23:43 DAEMONSET_KEY`,
		`workloads.yaml:31:43 REPLICASET_KEY`,
		`workloads.yaml:39:43 JOB_KEY`,
		`workloads.yaml:50:47 CRONJOB_KEY`,
		`workloads.yaml:59:43 LIST_ITEM_KEY`,
	})
	// Negative twin: an Ingress is no workload, whatever it holds.
	if _, ok := m.Lookup("INGRESS_KEY"); ok {
		t.Errorf("INGRESS_KEY declared")
	}
}

func TestHelmRendered(t *testing.T) {
	m, err := manifest.Load(deploy("helm/rendered.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{
		`rendered.yaml:66:22 HTTP_ADDR=":8080"`,
		`rendered.yaml:21:3 CACHE_TTL="60s"`,
		`rendered.yaml:22:3 REDIS_ADDR="release-redis:6379"`,
	})
	if len(m.Unresolved) != 0 {
		t.Errorf("Unresolved = %v", unresolved(m))
	}
	// Negative twins: a ConfigMap that no container uses, a Service's
	// port name, the test hook Pod's arguments.
	for _, name := range []string{"DASHBOARD_TITLE", "http", "release"} {
		if _, ok := m.Lookup(name); ok {
			t.Errorf("%s declared", name)
		}
	}
}

// writeFiles writes files (path → content) under root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSources(t *testing.T) {
	root := writeTree(t, map[string]string{
		"envvet.yaml": `keys:
  PORT:
    default: "80"
sources:
  - deploy/compose.yaml          # kind by content
  - dotenv: deploy/prod.env.example
  - kubernetes: deploy/k8s.yaml
  - deploy/compose.yaml          # twice: read once
`,
		"deploy/compose.yaml":      "services:\n  app:\n    environment: [PORT=8080, A=1]\n",
		"deploy/prod.env.example":  "B=2\nCGO_ENABLED=0\n",
		"deploy/k8s.yaml":          "kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: app\n    env: [{name: C}]\n",
		"deploy/unused/other.yaml": "services: {}\n",
	})
	m, err := manifest.Load(filepath.Join(root, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{`envvet.yaml:2:3 PORT="80"`, `compose.yaml:3:30 A="1"`, `prod.env.example:1:1 B="2"`, `k8s.yaml:6:18 C`})
	diff(t, "Build", ats(m.Build), []string{`prod.env.example:2:1 CGO_ENABLED="0"`})
	diff(t, "Shadowed", ats(m.Shadowed), []string{`compose.yaml:3:19 PORT="8080"`})
	if got := len(m.Files); got != 4 {
		t.Errorf("Files = %v", m.Files)
	}
	// Parse reads no file: the sources are unresolved.
	data, _ := os.ReadFile(filepath.Join(root, "envvet.yaml"))
	pm, err := manifest.Parse("envvet.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Parse Unresolved", unresolved(pm), []string{
		"envvet.yaml:5:5: source deploy/compose.yaml is not read by Parse",
		"envvet.yaml:6:13: source deploy/prod.env.example is not read by Parse",
		"envvet.yaml:7:17: source deploy/k8s.yaml is not read by Parse",
	})
}

func TestSourcesErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string // besides a valid c.yaml (Compose) and k.yaml (Kubernetes)
		want  string            // error, with $ROOT for the directory
	}{
		{"unknown field", map[string]string{"envvet.yaml": "sources:\n  - compose: c.yaml\n    servce: api\n"},
			`envvet.yaml:3:5: unknown field "servce" in source (want compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser, makefile, service or container)`},
		{"no kind", map[string]string{"envvet.yaml": "sources:\n  - service: api\n"},
			`envvet.yaml:2:5: a source needs one of compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser or makefile, giving the file's path`},
		{"two kinds", map[string]string{"envvet.yaml": "sources:\n  - compose: c.yaml\n    dotenv: x.env\n"},
			`envvet.yaml:3:5: a source has one kind: compose and dotenv both given`},
		{"service of kubernetes", map[string]string{"envvet.yaml": "sources:\n  - kubernetes: k.yaml\n    service: api\n"},
			`envvet.yaml:3:14: service applies to compose sources, not kubernetes`},
		{"container of compose", map[string]string{"envvet.yaml": "sources:\n  - compose: c.yaml\n    container: api\n"},
			`envvet.yaml:3:16: container applies to kubernetes and kustomize sources, not compose`},
		{"service and container", map[string]string{"envvet.yaml": "sources:\n  - compose: c.yaml\n    service: a\n    container: b\n"},
			`envvet.yaml:4:5: a source selects by service or by container, not both`},
		{"sources mapping", map[string]string{"envvet.yaml": "sources:\n  compose: c.yaml\n"},
			`envvet.yaml:2:3: sources must be a list of deployment files, not a mapping`},
		{"source list", map[string]string{"envvet.yaml": "sources:\n  - [c.yaml]\n"},
			`envvet.yaml:2:5: a source must be a file path or a mapping such as {compose: path}, not a list`},
		{"path list", map[string]string{"envvet.yaml": "sources:\n  - compose: [c.yaml]\n"},
			`envvet.yaml:2:14: compose of a source must be a file path, not a list`},
		{"missing source", map[string]string{"envvet.yaml": "sources:\n  - compose: nope.yaml\n"},
			`envvet.yaml:2:14: cannot read source nope.yaml: no such file`},
		{"no such service", map[string]string{"envvet.yaml": "sources:\n  - compose: c.yaml\n    service: [app, web]\n"},
			`envvet.yaml:3:14: service "web" is not in c.yaml`},
		{"no such container", map[string]string{"envvet.yaml": "sources:\n  - kubernetes: k.yaml\n    container: web\n"},
			`envvet.yaml:3:16: container "web" is not in k.yaml`},
		{"neither kind", map[string]string{"envvet.yaml": "sources:\n  - other.yaml\n", "other.yaml": "keys:\n  A:\n"},
			`envvet.yaml:2:5: source other.yaml is neither a Compose file (with services:) nor Kubernetes YAML (with apiVersion and kind)`},
		{"bad compose yaml", map[string]string{"envvet.yaml": "sources: [c2.yaml]\n", "c2.yaml": "services:\n  app:\n    environment:\n      A: [\n"},
			`$ROOT/c2.yaml:4: invalid YAML: did not find expected node content`},
		{"compose environment scalar", map[string]string{"envvet.yaml": "sources: [c2.yaml]\n", "c2.yaml": "services:\n  app:\n    environment: A=1\n"},
			`$ROOT/c2.yaml:3:18: the environment of service app must be a mapping or a list, not "A=1"`},
		{"compose environment value", map[string]string{"envvet.yaml": "sources: [c2.yaml]\n", "c2.yaml": "services:\n  app:\n    environment:\n      A: {x: 1}\n"},
			`$ROOT/c2.yaml:4:10: the value of A in the environment of service app must be a scalar, not a mapping`},
		{"compose env_file required", map[string]string{"envvet.yaml": "sources: [c2.yaml]\n", "c2.yaml": "services:\n  app:\n    env_file:\n      - path: a.env\n        required: maybe\n"},
			`$ROOT/c2.yaml:5:19: required of an env_file of service app must be true or false, not "maybe"`},
		{"compose env_file malformed", map[string]string{"envvet.yaml": "sources: [c2.yaml]\n", "c2.yaml": "services:\n  app:\n    env_file: a.env\n", "a.env": "A=1\nA B\n"},
			`$ROOT/a.env:2:1: expected KEY=value, found "A B"`},
		{"compose two documents", map[string]string{"envvet.yaml": "sources: [{compose: c2.yaml}]\n", "c2.yaml": "services: {}\n---\nservices: {}\n"},
			`$ROOT/c2.yaml:3: a Compose file is one YAML document; found another`},
		{"k8s env mapping", map[string]string{"envvet.yaml": "sources: [k2.yaml]\n", "k2.yaml": "---\nkind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: c\n    env: {A: 1}\n"},
			`$ROOT/k2.yaml:7:10: env of container c must be a list, not a mapping`},
		{"k8s env without name", map[string]string{"envvet.yaml": "sources: [k2.yaml]\n", "k2.yaml": "kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: c\n    env:\n    - value: x\n"},
			`$ROOT/k2.yaml:7:7: an env entry of container c needs a name`},
		{"k8s envFrom without name", map[string]string{"envvet.yaml": "sources: [k2.yaml]\n", "k2.yaml": "kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: c\n    envFrom:\n    - configMapRef: {optional: true}\n"},
			`$ROOT/k2.yaml:7:21: configMapRef of container c needs a name`},
		{"k8s bad yaml in a later document", map[string]string{"envvet.yaml": "sources: [k2.yaml]\n", "k2.yaml": "kind: Service\napiVersion: v1\n---\nkind: Pod\napiVersion: v1\nspec:\n  containers:\n  - name: c\n   env: []\n"},
			`$ROOT/k2.yaml:9: invalid YAML: did not find expected key`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"c.yaml": "services:\n  app:\n    environment: [A=1]\n",
				"k.yaml": "kind: Pod\napiVersion: v1\nspec:\n  containers: [{name: app}]\n",
			}
			for k, v := range tt.files {
				files[k] = v
			}
			root := writeTree(t, files)
			t.Chdir(root)
			_, err := manifest.Load("envvet.yaml")
			want := strings.ReplaceAll(tt.want, "$ROOT/", "")
			if err == nil || err.Error() != want {
				t.Errorf("err = %v\nwant %s", err, want)
			}
			var me *manifest.Error
			if err != nil && !errors.As(err, &me) {
				t.Errorf("error is %T, want *manifest.Error", err)
			}
		})
	}
}

func TestMissingSourceUnwraps(t *testing.T) {
	root := writeTree(t, map[string]string{"envvet.yaml": "sources: [nope.yaml]\n"})
	_, err := manifest.Load(filepath.Join(root, "envvet.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
}

// TestDetect checks that files named directly (as with -envkeys.manifest)
// are told apart by content.
func TestDetect(t *testing.T) {
	for _, tt := range []struct{ name, content, want string }{
		{"compose.yaml", "services:\n  a:\n    environment: {X: 1}\n", `compose.yaml:3:19 X="1"`},
		{"k8s.yml", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, env: [{name: X}]}]}\n", `k8s.yml:3:44 X`},
		{"envvet.yaml", "keys:\n  X:\n", `envvet.yaml:2:3 X`},
		{"other.yml", "keys:\n  X:\n", `other.yml:2:3 X`},
		{"x.env", "X=1\n", `x.env:1:1 X="1"`},
		{"empty-k8s.yaml", "---\n# Source: chart/templates/x.yaml\n---\napiVersion: v1\nkind: Service\n", ``},
	} {
		m, err := manifest.Parse(tt.name, []byte(tt.content))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := strings.Join(ats(m.Keys), "; "); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
	// An envvet.yaml still has one document.
	if _, err := manifest.Parse("envvet.yaml", []byte("keys:\n---\nkeys:\n")); err == nil || err.Error() != `envvet.yaml:2: more than one YAML document (found "---")` {
		t.Errorf("two documents: %v", err)
	}
}

func TestComposeMergeAndAliases(t *testing.T) {
	m, err := manifest.Parse("compose.yaml", []byte(`x-env: &env
  A: 1
  B: 2
x-list: &list [L=1]
services:
  one:
    environment:
      <<: [*env]
      B: 3
  two:
    environment: *list
  three: ~
`))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{`compose.yaml:2:3 A="1"`, `compose.yaml:9:7 B="3"`, `compose.yaml:4:16 L="1"`})
	// A billion laughs is an error, not a hang (the parser stops at a bound
	// on expanded entries, so the exact error proves it stopped early): by
	// breadth ...
	laughs := func(levels, fan int) string {
		var b strings.Builder
		b.WriteString("a0: &a0 {X: 1}\n")
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, "a%d: &a%d {<<: [*a%d%s]}\n", i, i, i-1, strings.Repeat(fmt.Sprintf(", *a%d", i-1), fan-1))
		}
		fmt.Fprintf(&b, "services:\n  s:\n    environment: *a%d\n", levels)
		return b.String()
	}
	if _, err := manifest.Parse("compose.yaml", []byte(laughs(5, 64))); err == nil || err.Error() != "compose.yaml: YAML aliases expand to more than 1048576 entries" {
		t.Errorf("billion laughs: err = %v", err)
	}
	// ... and by depth.
	if _, err := manifest.Parse("compose.yaml", []byte(laughs(30, 1))); err == nil || err.Error() != "compose.yaml:20:6: merge keys (<<) nest more than 10 deep" {
		t.Errorf("deep merges: err = %v", err)
	}
}

func TestCacheSources(t *testing.T) {
	root := writeTree(t, map[string]string{
		"go.mod":      "module m\n",
		"envvet.yaml": "sources:\n  - compose: deploy/compose.yaml\n",
	})
	compose := filepath.Join(root, "deploy", "compose.yaml")
	envFile := filepath.Join(root, "deploy", "app.env")
	tick := time.Now().Add(-time.Hour)
	var c manifest.Cache

	// A missing source is an error until it appears.
	if _, err := c.ForDir(root, nil); err == nil || !strings.Contains(err.Error(), "cannot read source deploy/compose.yaml") {
		t.Fatalf("missing source: err = %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(compose), 0o777); err != nil {
		t.Fatal(err)
	}
	touch(t, compose, "services:\n  app:\n    environment: [A=1]\n    env_file: app.env\n", &tick)
	m, err := c.ForDir(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{`compose.yaml:3:19 A="1"`})
	diff(t, "Unresolved", unresolved(m), []string{"compose.yaml:4:15: env_file app.env does not exist"})

	// Editing the source, or creating its env_file, is seen.
	touch(t, compose, "services:\n  app:\n    environment: [B=1]\n    env_file: app.env\n", &tick)
	if m, err = c.ForDir(root, nil); err != nil || strings.Join(ats(m.Keys), ";") != `compose.yaml:3:19 B="1"` {
		t.Errorf("edited source: %v, %v", ats(m.Keys), err)
	}
	touch(t, envFile, "C=1\n", &tick)
	if m, err = c.ForDir(root, nil); err != nil || strings.Join(ats(m.Keys), ";") != `compose.yaml:3:19 B="1";app.env:1:1 C="1"` {
		t.Errorf("new env_file: %v, %v", ats(m.Keys), err)
	}
	if m2, _ := c.ForDir(root, nil); m2 != m {
		t.Errorf("unchanged sources read again")
	}
}

func TestFingerprintSources(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := writeTree(t, map[string]string{
		"go.mod":                  "module m\n",
		"envvet.yaml":             "sources: [deploy/compose.yaml, ../outside/k8s.yaml]\n",
		"deploy/compose.yaml":     "services:\n  app:\n    env_file: app.env\n",
		"deploy/app.env":          "A=1\n",
		"deploy/unrelated.yaml":   "x: 1\n",
		"../outside/k8s.yaml":     "",
		"explicit/compose.yaml":   "services: {app: {env_file: [x.env]}}\n",
		"explicit/x.env":          "X=1\n",
		"explicit/not-named.yaml": "",
	})
	fp := func(extra ...string) string {
		t.Helper()
		s, err := manifest.Fingerprint(root, extra)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	write := func(name, content string) {
		t.Helper()
		writeFiles(t, root, map[string]string{name: content})
	}
	base := fp()
	write("deploy/unrelated.yaml", "x: 2\n")
	if fp() != base {
		t.Errorf("a YAML file no manifest names changed the fingerprint")
	}
	for _, f := range []string{"deploy/app.env", "../outside/k8s.yaml", "deploy/compose.yaml"} {
		write(f, "A=2\n")
		if got := fp(); got == base {
			t.Errorf("editing %s did not change the fingerprint", f)
		} else {
			base = got
		}
	}
	// A file named as extra brings its env_file along.
	extra := filepath.Join(root, "explicit", "compose.yaml")
	withExtra := fp(extra)
	write("explicit/x.env", "X=2\n")
	if fp(extra) == withExtra {
		t.Errorf("editing the env_file of an extra Compose file did not change the fingerprint")
	}
}

func TestKubernetesExpanded(t *testing.T) {
	m, err := manifest.Parse("k8s.yaml", []byte(`apiVersion: v1
kind: ConfigMap
metadata: {name: flags}
data:
  STORAGE_FLAG: --db=x
  UNUSED_FLAG: --y
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: server}
spec:
  template:
    spec:
      containers:
        - name: server
          command: [server, "$(STORAGE_FLAG)"]
          args: ["--pod=$(POD_NAME)", "--literal=$$(ESCAPED)"]
          env:
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - name: ESCAPED
            - name: URL
              value: http://$(HOST):80
            - name: HOST
          envFrom:
            - configMapRef: {name: flags}
        - name: sidecar
          args: ["$(SIDECAR_ONLY)"]
          env:
            - name: STORAGE_FLAG
`))
	if err != nil {
		t.Fatal(err)
	}
	// Keys the deployment expands itself in the same container are
	// Expanded; $$( is an escape, and another container's reference does
	// not count.
	diff(t, "Keys", ats(m.Keys), []string{
		`k8s.yaml:19:21 POD_NAME expanded`,
		`k8s.yaml:21:21 ESCAPED`,
		`k8s.yaml:22:21 URL="http://$(HOST):80"`,
		`k8s.yaml:24:21 HOST expanded`,
		`k8s.yaml:5:3 STORAGE_FLAG="--db=x" expanded`,
		`k8s.yaml:6:3 UNUSED_FLAG="--y"`,
	})
	diff(t, "Shadowed", ats(m.Shadowed), []string{`k8s.yaml:30:21 STORAGE_FLAG`})
}

func TestDetectTravis(t *testing.T) {
	// A list of services is no Compose file: this is an envvet.yaml with
	// unknown fields.
	_, err := manifest.Parse(".travis.yml", []byte("language: go\nservices:\n  - docker\n"))
	if err == nil || err.Error() != `.travis.yml:1:1: unknown field "language" (want keys, build, sources, environments or dbpool)` {
		t.Errorf("err = %v", err)
	}
}

func TestEnvFileYAMLStyle(t *testing.T) {
	root := writeTree(t, map[string]string{
		"compose.yaml": "services:\n  a:\n    env_file: a.env\n",
		"a.env":        "A: yes\nB:\nURL=http://x:80\nC: \"q r\" # c\n",
	})
	m, err := manifest.Load(filepath.Join(root, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "Keys", ats(m.Keys), []string{`a.env:1:1 A="yes"`, `a.env:2:1 B`, `a.env:3:1 URL="http://x:80"`, `a.env:4:1 C="q r"`})
	// A dotenv manifest stays strict.
	if _, err := manifest.Parse(".env.example", []byte("A: yes\n")); err == nil {
		t.Errorf("KEY: value accepted in a dotenv manifest")
	}
}
