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
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/driver"
	"github.com/envvet/envvet/internal/manifest"
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 1 && args[0] == "-V=full":
		if err := printVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "envvet: %v\n", err)
			os.Exit(1)
		}
	case len(args) > 0 && args[0] == "env":
		os.Exit(runEnv(args[1:], os.Stdout, os.Stderr))
	case len(args) > 0 && args[0] == "lsp":
		os.Exit(runLSP(args[1:], os.Stderr))
	case forMultichecker(args):
		multichecker.Main(vetSuite(args)...)
	default:
		os.Exit(standalone(args, os.Stdout, os.Stderr))
	}
}

// forMultichecker reports whether the x/tools multichecker should handle
// the command line: go vet's protocol (-flags, -V, a .cfg file), help,
// and -fix/-diff. envvet's own driver does the rest, to print findings
// sorted across packages.
func forMultichecker(args []string) bool {
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a == "help" && i == 0 || slices.ContainsFunc(args[i:], func(s string) bool { return strings.HasSuffix(s, ".cfg") })
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "flags", "V", "fix", "diff", "help", "h":
			return true
		}
	}
	return false
}

// standalone runs the checks on the packages named by args.
func standalone(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("envvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg analyzers.Config
	cfg.Report.KeepSuppressed = driver.NeedsSuppressed(formatArg(args))
	suite := analyzers.Suite(cfg)
	opts, selected := driver.Flags(fs, suite)
	opts.KeepSuppressed = cfg.Report.KeepSuppressed
	listed := recordListed(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return driver.ExitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return driver.ExitError
	}
	checks := selected()
	if !checkListed(listed, checks, fs.Args(), stderr) {
		return driver.ExitError
	}
	paceStandalone()
	return driver.Run(checks, fs.Args(), opts, stdout, stderr)
}

// formatArg returns the value of the -format flag in args, if any; the
// checks must be built knowing it, before the flags are parsed.
func formatArg(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "format" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

const usage = `envvet finds environment drift, cgo in static builds, cancellation that
does not reach goroutines, and shared database pools.

Usage:
  envvet [flags] packages           run the checks
  envvet env [flags] packages       print the program's environment inventory
  envvet lsp [-logfile=FILE]        serve diagnostics and quick fixes to an editor (LSP over stdio)
  envvet help [check]               the checks' documentation
  go vet -vettool=$(command -v envvet) packages

Exit status: 0 no findings, 3 findings, 1 error.

Flags:
`

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
