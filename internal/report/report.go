// Package report is the one place through which every envvet check
// reports. It applies envvet's suppression directives and emits each
// check's diagnostics sorted by position, in every driver: go vet,
// standalone, golangci-lint and the editor server all run the same
// wrapped Run function, so none of them needs a filtering step of its own.
//
// A directive is a comment:
//
//	//envvet:ignore check[,check] reason      on the finding's line or the line above it;
//	                                          in a declaration's doc comment (func, type,
//	                                          var/const group, spec, struct field), the declaration
//	//envvet:file-ignore check[,check] reason the whole file
//	# envvet:ignore check[,check] reason      in a manifest, on the line above a key
//
// The reason is required. A directive in a Go file that is malformed or
// names an unknown check is reported by the directive check (see
// Directives); a malformed one in a manifest is an error of the manifest
// (the manifest package). A directive that suppresses nothing is reported
// by the check it names.
package report

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Category of the diagnostics about directives.
const Category = "directive"

// SuppressedPrefix starts the Category of a suppressed diagnostic that
// Options.KeepSuppressed keeps: "suppressed:" + its own category. Its
// first Related entry is the directive, whose message is the reason.
const SuppressedPrefix = "suppressed:"

// Options adjust Wrap for a driver that shows suppressed findings.
type Options struct {
	// KeepSuppressed reports suppressed diagnostics too, marked with
	// SuppressedPrefix, for output formats (SARIF) that list them with
	// their justification. Drivers that print findings must leave it off.
	KeepSuppressed bool `json:"-"`
	// NoRelated drops the diagnostics' related information, for drivers
	// that would show each entry as a finding of its own (golangci-lint
	// turns every Related entry into a separate issue).
	NoRelated bool `json:"-"`
}

// Wrap returns run with envvet's reporting applied: diagnostics that a
// directive naming check suppresses are dropped, the others are reported
// sorted by position when run returns, and each directive naming check
// that suppressed nothing is reported. On a package with type errors the
// diagnostics carry no suggested fixes.
func Wrap(check string, run func(*analysis.Pass) (any, error), opts ...Options) func(*analysis.Pass) (any, error) {
	var o Options
	for _, opt := range opts {
		o.KeepSuppressed = o.KeepSuppressed || opt.KeepSuppressed
		o.NoRelated = o.NoRelated || opt.NoRelated
	}
	return func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		var diags []analysis.Diagnostic
		pass.Report = func(d analysis.Diagnostic) { diags = append(diags, d) }
		defer func() { pass.Report = report }()

		result, err := run(pass)
		if err != nil {
			return result, err
		}

		idx := newIndex(pass)
		kept := diags[:0]
		for _, d := range diags {
			dir := idx.suppress(check, d.Pos)
			switch {
			case dir == nil:
				kept = append(kept, d)
			case o.KeepSuppressed:
				d.Category = SuppressedPrefix + d.Category
				d.Related = append([]analysis.RelatedInformation{{Pos: dir.pos, End: dir.end, Message: dir.reason}}, d.Related...)
				kept = append(kept, d)
			}
		}
		for _, dir := range idx.unused(check) {
			kept = append(kept, analysis.Diagnostic{
				Pos: dir.pos, End: dir.end, Category: Category,
				Message: "this envvet:ignore suppresses nothing; remove it",
			})
		}
		sortDiagnostics(pass.Fset, kept)
		for _, d := range kept {
			if o.NoRelated {
				d.Related = nil
			}
			if len(pass.TypeErrors) > 0 {
				// No fix for code that does not type-check: -fix must
				// not rewrite a package that could not be analyzed.
				d.SuggestedFixes = nil
			}
			report(d)
		}
		return result, nil
	}
}

func sortDiagnostics(fset *token.FileSet, diags []analysis.Diagnostic) {
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int {
		pa, pb := fset.Position(a.Pos), fset.Position(b.Pos)
		return cmp.Or(
			cmp.Compare(pa.Filename, pb.Filename),
			cmp.Compare(pa.Offset, pb.Offset),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// A directive is one parsed envvet:ignore or envvet:file-ignore comment.
type directive struct {
	pos, end  token.Pos
	file      string // the file it is in, as token positions name it
	checks    []string
	reason    string
	wholeFile bool
	from, to  int // the lines it covers, inclusive
	col       int // the column of a manifest directive's "#"
	err       string
	used      map[string]bool
}

// covers reports whether d suppresses check's finding at line of file.
func (d *directive) covers(check, file string, line int) bool {
	return d.err == "" && d.file == file && slices.Contains(d.checks, check) &&
		(d.wholeFile || d.from <= line && line <= d.to)
}

// An index holds the directives of the files a pass reports in.
type index struct {
	pass  *analysis.Pass
	files map[string][]*directive // by file name; parsed on first use
}

func newIndex(pass *analysis.Pass) *index {
	return &index{pass: pass, files: make(map[string][]*directive)}
}

// suppress returns the first directive that suppresses check's finding
// at pos, marking every such directive used; nil when none does.
func (x *index) suppress(check string, pos token.Pos) *directive {
	if !pos.IsValid() {
		return nil
	}
	p := x.pass.Fset.Position(pos)
	var hit *directive
	for _, d := range x.directives(p.Filename) {
		if d.covers(check, p.Filename, p.Line) {
			if d.used == nil {
				d.used = make(map[string]bool)
			}
			d.used[check] = true
			if hit == nil {
				hit = d
			}
		}
	}
	return hit
}

// unused returns the well-formed directives in the package's own Go files
// that name check and suppressed none of its findings.
func (x *index) unused(check string) []*directive {
	var out []*directive
	for _, f := range x.pass.Files {
		name := x.pass.Fset.Position(f.Package).Filename
		for _, d := range x.directives(name) {
			if d.err == "" && slices.Contains(d.checks, check) && !d.used[check] {
				out = append(out, d)
			}
		}
	}
	return out
}

// directives returns the directives of the named file: from the pass's
// syntax when the file is one of the package's, else read from disk (a
// manifest, or another package's file).
func (x *index) directives(name string) []*directive {
	if ds, ok := x.files[name]; ok {
		return ds
	}
	var ds []*directive
	if f := x.goFile(name); f != nil {
		ds = goDirectives(x.pass.Fset, f, name)
	} else if strings.HasSuffix(name, ".go") {
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			ds = goDirectives(fset, f, name)
		}
	} else if content, err := os.ReadFile(name); err == nil {
		ds = hashDirectives(content, name)
	}
	x.files[name] = ds
	return ds
}

func (x *index) goFile(name string) *ast.File {
	for _, f := range x.pass.Files {
		if x.pass.Fset.Position(f.Package).Filename == name {
			return f
		}
	}
	return nil
}

// Parse parses the text of one directive comment (without its comment
// marker), such as "envvet:ignore envkeys,ctxgo intended". ok is false
// when the text is not an envvet directive at all.
func Parse(text string) (checks []string, reason string, wholeFile bool, errMsg string, ok bool) {
	var rest string
	switch {
	case strings.HasPrefix(text, "envvet:ignore"):
		rest = text[len("envvet:ignore"):]
	case strings.HasPrefix(text, "envvet:file-ignore"):
		rest, wholeFile = text[len("envvet:file-ignore"):], true
	default:
		return nil, "", false, "", false
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil, "", false, "", false // envvet:ignored, say
	}
	// As with //nolint, a further "//" starts a comment on the directive.
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i]
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return nil, "", wholeFile, "malformed envvet directive: name the checks and give a reason", true
	}
	for _, c := range strings.Split(fields[0], ",") {
		if c != "" {
			checks = append(checks, c)
		}
	}
	if len(fields) < 2 {
		return checks, "", wholeFile, "malformed envvet directive: a reason is required", true
	}
	return checks, strings.Join(fields[1:], " "), wholeFile, "", true
}

// goDirectives parses the directives of a Go file.
func goDirectives(fset *token.FileSet, f *ast.File, name string) []*directive {
	var ds []*directive
	var src []string // the file's lines, read when a directive needs them
	for _, g := range f.Comments {
		for _, c := range g.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			if !ok {
				continue
			}
			checks, reason, whole, errMsg, ok := Parse(text)
			if !ok {
				continue
			}
			p := fset.Position(c.Pos())
			to := p.Line + 1 // on a line of its own: the next line
			if trailing(&src, name, p) {
				to = p.Line // after code: that line only
			}
			ds = append(ds, &directive{
				pos: c.Pos(), end: c.End(), file: name, checks: checks, reason: reason,
				wholeFile: whole, from: p.Line, to: to, err: errMsg,
			})
		}
	}
	if len(ds) == 0 {
		return nil
	}
	// A directive in a declaration's doc comment covers the declaration.
	ast.Inspect(f, func(n ast.Node) bool {
		var doc *ast.CommentGroup
		switch n := n.(type) {
		case *ast.FuncDecl:
			doc = n.Doc
		case *ast.GenDecl:
			doc = n.Doc
		case *ast.TypeSpec:
			doc = n.Doc
		case *ast.ValueSpec:
			doc = n.Doc
		case *ast.Field:
			doc = n.Doc
		}
		if doc != nil {
			for _, d := range ds {
				if doc.Pos() <= d.pos && d.end <= doc.End() {
					d.to = max(d.to, fset.Position(n.End()).Line)
				}
			}
		}
		return true
	})
	return ds
}

// ManifestDirective returns the reason of the "# envvet:ignore" directive
// in the manifest file that covers line for check, if any. Drivers that
// report in manifests outside an analyzer's run use it.
func ManifestDirective(check, file string, line int) (reason string, ok bool) {
	content, err := os.ReadFile(file)
	if err != nil {
		return "", false
	}
	for _, d := range hashDirectives(content, file) {
		if d.covers(check, file, line) {
			return d.reason, true
		}
	}
	return "", false
}

// trailing reports whether the comment at p follows code on its line.
// It reads the file (once, into *lines) only when a directive is found.
func trailing(lines *[]string, name string, p token.Position) bool {
	if *lines == nil {
		content, err := os.ReadFile(name)
		if err != nil {
			return false
		}
		*lines = strings.Split(string(content), "\n")
	}
	if p.Line < 1 || p.Line > len(*lines) {
		return false
	}
	line := (*lines)[p.Line-1]
	return p.Column-1 <= len(line) && strings.TrimSpace(line[:p.Column-1]) != ""
}

// hashDirectives parses "# envvet:ignore" comments of a manifest; each
// covers its own line and the next one.
func hashDirectives(content []byte, name string) []*directive {
	var ds []*directive
	for i, line := range strings.Split(string(content), "\n") {
		trimmed := strings.TrimSpace(line)
		text, ok := strings.CutPrefix(trimmed, "#")
		if !ok {
			continue
		}
		checks, reason, whole, errMsg, ok := Parse(strings.TrimSpace(text))
		if !ok {
			continue
		}
		ds = append(ds, &directive{
			file: name, checks: checks, reason: reason, wholeFile: whole,
			from: i + 1, to: i + 2, col: strings.Index(line, trimmed) + 1, err: errMsg,
		})
	}
	return ds
}

// MalformedHashDirective returns the position (line and column, from 1)
// and the message of the first malformed "# envvet:ignore" directive of
// a manifest's content, or of the first naming a check not in Checks;
// msg is "" when there is none. No check reports in manifests, so the
// manifest package makes it an error of the file.
func MalformedHashDirective(content []byte) (line, col int, msg string) {
	for _, d := range hashDirectives(content, "") {
		if d.err != "" {
			return d.from, d.col, d.err
		}
		if msg := UnknownCheck(d.checks, Checks()); msg != "" {
			return d.from, d.col, msg
		}
	}
	return 0, 0, ""
}

// Checks returns the names of envvet's checks, which directives and
// envvet.yaml's ignore: fields may name, in the suite's order. Each call
// returns a new slice, so no caller can change another's.
func Checks() []string {
	return []string{"envkeys", "nocgo", "dbpool", "ctxgo", "envparse", "envsecret", "envtype"}
}

// UnknownCheck returns the message for the first of checks that is not in
// known, or "" when all are known. A directive naming a misspelled check
// would suppress nothing and say nothing.
func UnknownCheck(checks, known []string) string {
	for _, c := range checks {
		if !slices.Contains(known, c) {
			return fmt.Sprintf("unknown check %q in envvet directive (known: %s)", c, strings.Join(known, ", "))
		}
	}
	return ""
}

// Directives returns the directive check's run function: it reports each
// malformed envvet directive, and each that names a check not in checks,
// in the package's Go files.
func Directives(checks []string) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			name := pass.Fset.Position(f.Package).Filename
			for _, d := range goDirectives(pass.Fset, f, name) {
				msg := d.err
				if msg == "" {
					msg = UnknownCheck(d.checks, checks)
				}
				if msg != "" {
					pass.Report(analysis.Diagnostic{Pos: d.pos, End: d.end, Category: Category, Message: msg})
				}
			}
		}
		return nil, nil
	}
}
