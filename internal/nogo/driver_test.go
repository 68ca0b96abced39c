package nogo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"
)

// listed is what the driver needs of "go list -json" for one package.
type listed struct {
	ImportPath        string
	Dir               string
	Standard          bool
	DepOnly           bool
	GoFiles           []string
	OtherFiles        []string
	IgnoredGoFiles    []string
	IgnoredOtherFiles []string
	Imports           []string
	ImportMap         map[string]string
	Module            *struct{ GoVersion string }
	Error             *struct{ Err string }
}

// nogoFindings analyzes every package of the module in dir and its
// dependencies, standard library included, one process per package: the
// dependencies only for their facts, the module's packages for findings.
// nogo is the nogo binary (see buildNogo). The facts files of standard
// packages go to std, shared by the modules of a test: a standard
// package whose facts are there already is not analyzed again (its
// facts depend only on it and its imports, all standard; Bazel caches
// the nogo action of a package the same way). It returns the findings as
// findings does.
func nogoFindings(t *testing.T, dir, nogo, std string) []string {
	pkgs := listDeps(t, dir)
	vetx := vetxFiles(pkgs, t.TempDir(), std)
	standard := make(map[string]bool, len(pkgs))
	for _, p := range pkgs {
		standard[p.ImportPath] = p.Standard
	}
	done := make(map[string]chan struct{}, len(pkgs))
	for _, p := range pkgs {
		done[p.ImportPath] = make(chan struct{})
	}
	var (
		mu   sync.Mutex
		out  bytes.Buffer
		wg   sync.WaitGroup
		slot = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	for _, p := range pkgs {
		wg.Go(func() {
			defer close(done[p.ImportPath])
			for _, imp := range p.Imports {
				if ch, ok := done[imp]; ok {
					<-ch
				}
			}
			if _, err := os.Stat(vetx[p.ImportPath]); err == nil && p.Standard && p.DepOnly {
				return // analyzed for another module of the test
			}
			slot <- struct{}{}
			defer func() { <-slot }()
			cfg := vetConfig(p, vetx, standard)
			stderr, err := runNogo(nogo, dir, cfg)
			mu.Lock()
			defer mu.Unlock()
			out.Write(stderr)
			if err != nil && (cfg.VetxOnly || !isExit(err, 1)) {
				t.Errorf("%s: %v\n%s", p.ImportPath, err, stderr)
			}
		})
	}
	wg.Wait()
	return findings(out.String(), dir)
}

// listDeps lists the module's packages and their dependencies,
// dependencies first, without unsafe (which has no source to analyze).
func listDeps(t *testing.T, dir string) []listed {
	dec := json.NewDecoder(bytes.NewReader(goCmd(t, dir, "list", "-deps", "-json", "./...")))
	var pkgs []listed
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Error != nil {
			t.Fatalf("go list: %s: %s", p.ImportPath, p.Error.Err)
		}
		if p.ImportPath != "unsafe" {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// vetxFiles maps each package of pkgs to its facts file: in std for a
// standard package, in work for the others.
func vetxFiles(pkgs []listed, work, std string) map[string]string {
	files := make(map[string]string, len(pkgs))
	for _, p := range pkgs {
		dir := work
		if p.Standard {
			dir = std
		}
		files[p.ImportPath] = filepath.Join(dir, fmt.Sprintf("%s.vetx", strings.ReplaceAll(p.ImportPath, "/", "%")))
	}
	return files
}

// vetConfig is the unitchecker config of package p: its files,
// how its imports resolve (standard: which packages are standard), the
// facts files of its imports (vetx, see vetxFiles) and where to write
// its own. Module information is left
// out, as nogo leaves it out.
func vetConfig(p listed, vetx map[string]string, standard map[string]bool) *unitchecker.Config {
	cfg := &unitchecker.Config{
		ID:           p.ImportPath,
		Compiler:     "gc",
		Dir:          p.Dir,
		ImportPath:   p.ImportPath,
		GoFiles:      abs(p.Dir, p.GoFiles),
		NonGoFiles:   abs(p.Dir, p.OtherFiles),
		IgnoredFiles: abs(p.Dir, append(p.IgnoredGoFiles, p.IgnoredOtherFiles...)),
		ImportMap:    map[string]string{},
		Standard:     map[string]bool{},
		PackageVetx:  map[string]string{},
		VetxOnly:     p.DepOnly,
		VetxOutput:   vetx[p.ImportPath],
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	for _, imp := range p.Imports {
		cfg.ImportMap[imp] = imp
		cfg.Standard[imp] = standard[imp]
		if imp != "unsafe" {
			cfg.PackageVetx[imp] = vetx[imp]
		}
	}
	for from, to := range p.ImportMap {
		cfg.ImportMap[from] = to
	}
	return cfg
}

// runNogo writes cfg beside its facts file and runs the nogo binary (this
// package's test binary, see TestMain) on it, with no arguments, in the
// module's root (nogo runs in Bazel's execution root). It returns the
// binary's standard error.
func runNogo(nogo, dir string, cfg *unitchecker.Config) ([]byte, error) {
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	file := strings.TrimSuffix(cfg.VetxOutput, ".vetx") + ".cfg"
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(nogo)
	cmd.Dir = dir
	cmd.Env = append(goEnv(), configEnv+"="+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	return stderr.Bytes(), err
}

func abs(dir string, files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, f)
	}
	return out
}
