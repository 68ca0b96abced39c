// Command envvet runs envvet's checks on Go packages, standalone or as
// go vet's analysis tool:
//
//	envvet ./...
//	go vet -vettool=$(command -v envvet) ./...
//	envvet env ./...    # the inventory of the program's environment
//
// Run "envvet help" for the checks and their flags.
package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/manifest"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		if err := printVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "envvet: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "env" {
		os.Exit(runEnv(os.Args[2:], os.Stdout, os.Stderr))
	}
	multichecker.Main(analyzers.Suite(analyzers.Config{})...)
}

// printVersion answers go vet's "-V=full" handshake. go vet keys its cache
// of analysis results by the build ID printed here (and by the package's
// content), not by the files a tool reads on the side. So the ID hashes the
// executable, as the x/tools drivers do, and also every manifest of the
// module that go vet runs in: editing .env.example or envvet.yaml changes
// the ID, and the next go vet run analyzes again instead of replaying
// stale results.
func printVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	fp, err := manifest.Fingerprint(wd, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "manifests %s\n", fp)
	_, err = fmt.Fprintf(w, "%s version devel envvet buildID=%02x\n", filepath.Base(os.Args[0]), h.Sum(nil))
	return err
}
