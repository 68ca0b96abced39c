package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/driver"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/inventory"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
)

const envUsage = `usage: envvet env [flags] [packages]

envvet env prints every environment variable the program touches: each
reference (position, kind, package, helper chain, loader, default, whether
it is required), where a manifest declares it, the declared keys nothing
reads, the dynamic references and the whole-environment scans.

  envvet env ./...                              a table for a terminal
  envvet env -format=dotenv ./... > .env.example  bootstrap a manifest
  envvet env -format=markdown,yaml -outdir=docs ./...
                                                docs/env.markdown and docs/env.yaml
                                                from one load of the program

Flags:
`

// runEnv implements "envvet env" and returns the exit code.
func runEnv(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("envvet env", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, envUsage)
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output format: "+strings.Join(inventory.Formats, ", ")+"; several, comma-separated, with -outdir")
	outdir := fs.String("outdir", "", "write each format to `dir`/env.<format> instead of stdout")
	deps := fs.Bool("deps", false, "also list references inside non-standard-library dependencies")
	tests := fs.Bool("test", true, "include test files")
	tags := fs.String("tags", "", "comma-separated build tags")
	manifests := fs.String("manifest", "", "comma-separated manifest files relative to the module root, replacing discovery")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	formats := passutil.SplitList(*format)
	if len(formats) == 0 {
		formats = []string{""} // reported as an unknown format
	}
	for _, f := range formats {
		if !validFormat(f) {
			fmt.Fprintf(stderr, "envvet env: unknown format %q (want one of %s)\n", f, strings.Join(inventory.Formats, ", "))
			return 2
		}
	}
	if len(formats) > 1 && *outdir == "" {
		fmt.Fprintf(stderr, "envvet env: several formats (%s) need -outdir\n", *format)
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "envvet env: %v\n", err)
		return 1
	}

	inv, failed, err := inventoryOf(patterns, inventoryOptions{
		tests: *tests, tags: *tags, manifests: passutil.SplitList(*manifests),
		opts: inventory.Options{Deps: *deps, Dir: wd}, stderr: stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "envvet env: %v\n", err)
		return 1
	}
	if *outdir == "" {
		err = inventory.Write(stdout, inv, formats[0])
	} else {
		err = writeFormats(*outdir, inv, formats)
	}
	if err != nil {
		fmt.Fprintf(stderr, "envvet env: %v\n", err)
		return 1
	}
	if failed {
		return 1 // the inventory of what type-checks is printed, the errors above it
	}
	return 0
}

type inventoryOptions struct {
	tests     bool
	tags      string
	manifests []string
	opts      inventory.Options
	stderr    io.Writer // load and type errors
}

// inventoryOf loads the packages matching patterns with their
// dependencies, builds the env-reference graph of every one of them, and
// returns the program's inventory.
func inventoryOf(patterns []string, o inventoryOptions) (inv *inventory.Inventory, failed bool, err error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: o.tests}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, false, err
	}
	// Every package is a root, so that its graph is kept for the inventory:
	// the keys that dependencies read decide which declared keys are read.
	var all []*packages.Package
	packages.Visit(initial, nil, func(p *packages.Package) { all = append(all, p) })
	// A package that does not type-check is reported and left out (see
	// driver.Partial).
	part := driver.LoadPartial(initial)
	part.PrintErrors(o.stderr)
	o.opts.Incomplete = part.Unknown(all)
	parse := envparse.New(envparse.Config{})
	e, err := engine.New([]*analysis.Analyzer{envgraph.Analyzer, parse})
	if err != nil {
		return nil, false, err
	}
	res, err := e.Run(context.Background(), all, engine.Options{})
	if err != nil {
		return nil, false, err
	}

	var cache manifest.Cache
	var pkgs []inventory.Package
	bad := make(map[*packages.Package][]envparse.BadValue)
	for _, act := range res.Roots {
		if r, ok := act.Result.(*envparse.Result); ok && act.Err == nil && r != nil {
			bad[act.Package] = r.BadValues
		}
	}
	for _, act := range res.Roots {
		if part.Broken(act.Package) || act.Analyzer != envgraph.Analyzer {
			continue
		}
		if act.Err != nil {
			return nil, false, fmt.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		g, ok := act.Result.(*envgraph.Graph)
		if !ok || strings.HasSuffix(act.Package.PkgPath, ".test") {
			continue
		}
		p := inventory.Package{Path: act.Package.PkgPath, Fset: act.Package.Fset, Refs: g.Refs(), Program: g.Program(), BadValues: bad[act.Package]}
		if mod := act.Package.Module; mod != nil {
			p.Module, p.Main = mod.Path, mod.Main
		}
		if len(act.Package.GoFiles) > 0 {
			p.Dir = filepath.Dir(act.Package.GoFiles[0])
		}
		if p.Main && p.Dir != "" {
			m, err := cache.ForDir(p.Dir, manifest.Resolve(p.Dir, o.manifests))
			if err != nil {
				return nil, false, err
			}
			p.Manifest = m
		}
		pkgs = append(pkgs, p)
	}
	return inventory.Build(pkgs, o.opts), part.Failed(), nil
}

// writeFormats writes the inventory in each format to dir/env.<format>,
// creating dir if need be: the same bytes as -format=<format> on stdout,
// from one load of the program.
func writeFormats(dir string, inv *inventory.Inventory, formats []string) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	for _, format := range formats {
		var buf bytes.Buffer
		if err := inventory.Write(&buf, inv, format); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "env."+format), buf.Bytes(), 0o666); err != nil {
			return err
		}
	}
	return nil
}

func validFormat(f string) bool {
	for _, g := range inventory.Formats {
		if f == g {
			return true
		}
	}
	return false
}
