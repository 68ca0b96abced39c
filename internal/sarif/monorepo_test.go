package sarif_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/modtest"
	"github.com/envvet/envvet/internal/sarif"
)

// A monorepo of two modules, each reading one key it declares and one it
// does not, and a go.work that holds both.
var monorepo = map[string]string{
	"svc/go.work":          "go 1.26\n\nuse (\n\t./api\n\t./worker\n)\n",
	"svc/api/go.mod":       "module example.com/api\n\ngo 1.26\n",
	"svc/api/.env.example": "API_PORT=8080\n",
	"svc/api/main.go": `package main

import "os"

func main() {
	_ = os.Getenv("API_PORT")
	_ = os.Getenv("API_TOKEN")
}
`,
	"svc/worker/go.mod":       "module example.com/worker\n\ngo 1.26\n",
	"svc/worker/.env.example": "QUEUE_URL=\n",
	"svc/worker/main.go": `package main

import "os"

func main() {
	_ = os.Getenv("QUEUE_URL")
	_ = os.Getenv("API_TOKEN")
}
`,
}

// sarifResult is what TestMonorepo reads of a result.
type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Locations           []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine int `json:"startLine"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
}

// TestMonorepo runs envvet -format=sarif once over the two modules of a
// go.work workspace, as the README's monorepo recipe does, and checks
// what code scanning needs: one valid run whose results name their files
// relative to the repository root (so two modules' main.go stay apart),
// distinct fingerprints for the same finding in two modules, and
// fingerprints that survive lines inserted above the findings.
func TestMonorepo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs envvet and the go command")
	}
	envvet := modtest.Envvet(t)
	repo := t.TempDir()
	for name, text := range monorepo {
		writeFile(t, filepath.Join(repo, name), text)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}

	before := runMonorepo(t, envvet, filepath.Join(repo, "svc"))
	byFile := map[string]sarifResult{}
	for _, r := range before {
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URIBaseID != sarif.SrcRoot || strings.Contains(loc.URI, ":") {
			t.Errorf("result %q has URI %q (base %q), want one relative to %s", r.Message.Text, loc.URI, loc.URIBaseID, sarif.SrcRoot)
		}
		byFile[loc.URI] = r
	}
	api, worker := byFile["svc/api/main.go"], byFile["svc/worker/main.go"]
	if len(before) != 2 || api.RuleID == "" || worker.RuleID == "" {
		t.Fatalf("results %+v, want one in svc/api/main.go and one in svc/worker/main.go", before)
	}
	if api.Message.Text != worker.Message.Text || api.PartialFingerprints[sarif.FingerprintKey] == worker.PartialFingerprints[sarif.FingerprintKey] {
		t.Errorf("the same finding in two modules: messages %q, %q, fingerprints %v, %v; want one message, two fingerprints",
			api.Message.Text, worker.Message.Text, api.PartialFingerprints, worker.PartialFingerprints)
	}

	// Unrelated lines above the findings move them, and change nothing else.
	for _, mod := range []string{"api", "worker"} {
		file := filepath.Join(repo, "svc", mod, "main.go")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, file, strings.Replace(string(data), "func main() {", "// main starts the service.\n//\n// It reads its settings from the environment.\nfunc main() {", 1))
	}
	after := runMonorepo(t, envvet, filepath.Join(repo, "svc"))
	if len(after) != len(before) {
		t.Fatalf("after the edit: %d results, want %d", len(after), len(before))
	}
	for i := range after {
		b, a := before[i], after[i]
		bl, al := b.Locations[0].PhysicalLocation, a.Locations[0].PhysicalLocation
		if al.Region.StartLine != bl.Region.StartLine+3 {
			t.Errorf("%s: line %d after inserting 3 lines above line %d", al.ArtifactLocation.URI, al.Region.StartLine, bl.Region.StartLine)
		}
		if a.PartialFingerprints[sarif.FingerprintKey] != b.PartialFingerprints[sarif.FingerprintKey] {
			t.Errorf("%s: fingerprint %v became %v after an unrelated edit", al.ArtifactLocation.URI, b.PartialFingerprints, a.PartialFingerprints)
		}
	}

	// Without a checkout, the root is the closest directory holding both
	// modules: still relative URIs, never an absolute one for the second.
	if err := os.Remove(filepath.Join(repo, ".git")); err != nil {
		t.Fatal(err)
	}
	for _, r := range runMonorepo(t, envvet, filepath.Join(repo, "svc")) {
		if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "api/main.go" && uri != "worker/main.go" {
			t.Errorf("without .git: URI %q, want api/main.go or worker/main.go", uri)
		}
	}
}

// runMonorepo runs envvet -format=sarif in the workspace at dir over
// every module of it (go list -m lists them), validates the log against
// both schemas, and returns its one run's results.
func runMonorepo(t *testing.T, envvet, dir string) []sarifResult {
	t.Helper()
	patterns := strings.Fields(string(command(t, dir, "go", "list", "-m", "-f", "{{.Dir}}/...")))
	out := command(t, dir, envvet, append([]string{"-format=sarif"}, patterns...)...)
	for _, name := range schemas {
		if err := compile(t, name).Validate(unmarshal(t, out)); err != nil {
			t.Errorf("%s: log is not valid SARIF 2.1.0: %v", name, err)
		}
	}
	var log struct {
		Runs []struct {
			Results []sarifResult `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log.Runs[0].Results
}

// command runs name in dir, with the go command's workspace (if any)
// found from dir, and returns its standard output.
func command(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
