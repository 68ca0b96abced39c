package driver

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/sarif"
)

// errSkipped is the error of an action on a package that did not
// type-check, as the x/tools checker words it.
const errSkipped = "analysis skipped due to errors in package"

// A Partial describes what a load could not see: the packages with errors
// of their own (a parse or type error, an import that does not resolve, a
// package whose files the build constraints all exclude), and, for each
// root, whether its program includes one.
type Partial struct {
	broken     map[*packages.Package]bool
	incomplete map[*packages.Package]bool // packages whose import closure has a broken one
	errors     []loadError                // each load or type error once, sorted
	withheld   string                     // what withhold withheld, and why
}

// A loadError is a package's load or type error.
type loadError struct {
	pos string // file:line:col, or ""
	msg string // with the package path when pos is ""
}

func (e loadError) String() string {
	if e.pos == "" {
		return e.msg
	}
	return e.pos + ": " + e.msg
}

// LoadPartial finds the broken packages of the load and the roots whose
// programs they leave incomplete.
func LoadPartial(roots []*packages.Package) *Partial {
	p := &Partial{broken: make(map[*packages.Package]bool), incomplete: make(map[*packages.Package]bool)}
	seen := make(map[string]bool)
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		if len(pkg.Errors) == 0 && len(pkg.TypeErrors) == 0 {
			return
		}
		p.broken[pkg] = true
		for _, err := range pkg.Errors {
			e := loadError{pos: err.Pos, msg: err.Msg}
			switch {
			case e.pos == "" || e.pos == "-":
				e.pos, e.msg = "", pkg.PkgPath+": "+err.Msg
			case !filepath.IsAbs(e.pos):
				// go list's positions are relative to its directory,
				// the type checker's absolute: make them all absolute.
				if abs, err := filepath.Abs(e.pos); err == nil {
					e.pos = abs
				}
			}
			if !seen[e.String()] {
				seen[e.String()] = true
				p.errors = append(p.errors, e)
			}
		}
	})
	slices.SortFunc(p.errors, func(a, b loadError) int { return strings.Compare(a.String(), b.String()) })
	memo := make(map[*packages.Package]bool)
	var reaches func(pkg *packages.Package) bool
	reaches = func(pkg *packages.Package) bool {
		if v, ok := memo[pkg]; ok {
			return v
		}
		memo[pkg] = false // import cycles are errors of their own
		v := p.broken[pkg]
		for _, imp := range pkg.Imports {
			v = reaches(imp) || v
		}
		memo[pkg] = v
		return v
	}
	for _, r := range roots {
		reaches(r)
	}
	for pkg, v := range memo {
		if v {
			p.incomplete[pkg] = true
		}
	}
	return p
}

// skip turns the root actions on broken packages into skipped ones, as the
// x/tools checker shows them, except for the checks whose findings stand on
// such a package (analyzers.OnBroken). Dependencies' failures are kept.
func (p *Partial) skip(res *engine.Result) {
	for _, act := range res.Roots {
		if p.broken[act.Package] && act.Err == nil && !analyzers.OnBroken(act.Analyzer.Name) {
			act.Err = fmt.Errorf(errSkipped)
			act.Diagnostics = nil
			act.Result = nil
		}
	}
}

// withhold drops, from the root actions on packages whose programs are
// incomplete, the findings concluded from what no package of the program
// does (analyzers.WholeProgram), and returns a sentence saying what was
// withheld where, and why ("" if nothing was).
func (p *Partial) withhold(res *engine.Result) string {
	var what []string
	for _, c := range analyzers.WholeProgram() {
		var where []string
		for _, act := range res.Roots {
			if act.Analyzer.Name != c.Check || act.Err != nil || !p.incomplete[act.Package] ||
				c.MainOnly && act.Package.Name != "main" {
				continue
			}
			where = append(where, act.Package.PkgPath)
			act.Diagnostics = slices.DeleteFunc(act.Diagnostics, func(d analysis.Diagnostic) bool {
				return strings.TrimPrefix(d.Category, report.SuppressedPrefix) == c.Category
			})
		}
		if len(where) > 0 {
			slices.Sort(where)
			what = append(what, fmt.Sprintf("%s %s (in %s)", c.Check, c.What, list(slices.Compact(where))))
		}
	}
	if len(what) == 0 {
		return ""
	}
	return fmt.Sprintf("envvet: withheld, since the program includes a package that does not type-check: %s", strings.Join(what, "; "))
}

// list joins the first three names and counts the rest.
func list(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
}

// PrintErrors writes each load or type error once.
func (p *Partial) PrintErrors(w io.Writer) {
	for _, e := range p.errors {
		fmt.Fprintln(w, e)
	}
}

// invocation returns what SARIF records of the Partial load: each error,
// positioned where it has a position, and the withheld conclusions.
func (p *Partial) invocation() *sarif.Invocation {
	inv := new(sarif.Invocation)
	for _, e := range p.errors {
		n := sarif.Notification{Message: e.msg}
		if file, line, col := relpos.Split(e.pos); line > 0 {
			n.Location = sarif.Location{File: file, Line: line, Col: col}
		} else if e.pos != "" {
			n.Message = e.String()
		}
		inv.Errors = append(inv.Errors, n)
	}
	if p.withheld != "" {
		inv.Notes = append(inv.Notes, sarif.Notification{Message: strings.TrimPrefix(p.withheld, "envvet: ")})
	}
	return inv
}

// Broken reports whether pkg has errors of its own.
func (p *Partial) Broken(pkg *packages.Package) bool { return p.broken[pkg] }

// Unknown returns the paths of the broken packages, sorted, if one of them
// may read what a program reads: it belongs to the import closure of a
// main package among pkgs, or pkgs have no main package. Otherwise, or
// with no broken package, it returns nil.
func (p *Partial) Unknown(pkgs []*packages.Package) []string {
	if len(p.broken) == 0 {
		return nil
	}
	matters := true
	for _, pkg := range pkgs {
		if pkg.Name == "main" {
			matters = false
			break
		}
	}
	for _, pkg := range pkgs {
		matters = matters || pkg.Name == "main" && p.incomplete[pkg]
	}
	if !matters {
		return nil
	}
	var names []string
	for pkg := range p.broken {
		names = append(names, pkg.PkgPath)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Failed reports whether some package has errors.
func (p *Partial) Failed() bool { return len(p.errors) > 0 }
