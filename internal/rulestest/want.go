package rulestest

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/scanner"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Check runs a on pkgs, packages loaded once (by Load), with
// checker.Analyze, which leaves them as they are, and checks each root's
// diagnostics and facts against its // want comments as
// analysistest.Run does, with the same complaints: one load then serves
// analyzers of several settings, each checked on its own roots. dir is
// the directory the packages were loaded from (complaints name files
// relative to dir/src, as analysistest's do). The results are
// analysistest's, with Pass nil (read Action.Package).
func Check(t analysistest.Testing, dir string, a *analysis.Analyzer, pkgs []*packages.Package) []*analysistest.Result {
	if h, ok := t.(helperT); ok {
		h.Helper()
	}
	if len(pkgs) == 0 {
		t.Errorf("Check %s: no packages", a.Name)
		return nil
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	var out []*analysistest.Result
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		} else {
			checkWants(t, dir, act)
		}
		out = append(out, result(act))
	}
	return out
}

// helperT is a testing.TB's Helper: complaints then name the test's line.
type helperT interface{ Helper() }

// result returns act as analysistest.Run's result, facts about the
// package and its objects in Facts (nil key: package facts).
func result(act *checker.Action) *analysistest.Result {
	facts := make(map[types.Object][]analysis.Fact)
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() == act.Package.Types {
			facts[f.Object] = append(facts[f.Object], f.Fact)
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types {
			facts[nil] = append(facts[nil], f.Fact)
		}
	}
	return &analysistest.Result{Action: act, Diagnostics: act.Diagnostics, Facts: facts, Result: act.Result, Err: act.Err}
}

// A want is one expectation of a // want comment: a diagnostic, or a
// fact of the named object ("package" for a package fact).
type want struct {
	kind, name string // "diagnostic", ""; or "fact", object name
	rx         *regexp.Regexp
}

// wantKey is where an expectation applies.
type wantKey struct {
	file string
	line int
}

// checkWants reports to t every diagnostic and fact of act that no
// // want comment expects, and every expectation left unmet.
func checkWants(t analysistest.Testing, dir string, act *checker.Action) {
	if h, ok := t.(helperT); ok {
		h.Helper()
	}
	wants := readWants(t, dir, act.Package)
	fset := act.Package.Fset
	for _, d := range act.Diagnostics {
		matchWant(t, dir, wants, fset.Position(d.Pos), "diagnostic", "", d.Message)
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types && len(act.Package.Syntax) > 0 {
			posn := fset.Position(act.Package.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			matchWant(t, dir, wants, posn, "fact", "package", fmt.Sprint(f))
		}
	}
	objFacts := act.AllObjectFacts()
	sort.Slice(objFacts, func(i, j int) bool { return objFacts[i].Object.Pos() < objFacts[j].Object.Pos() })
	for _, f := range objFacts {
		if f.Object.Pkg() == act.Package.Types {
			matchWant(t, dir, wants, fset.Position(f.Object.Pos()), "fact", f.Object.Name(), fmt.Sprint(f.Fact))
		}
	}
	var surplus []string
	for k, ws := range wants {
		for _, w := range ws {
			surplus = append(surplus, fmt.Sprintf("%s:%d: no %s was reported matching %#q", k.file, k.line, w.kind, w.rx))
		}
	}
	sort.Strings(surplus)
	for _, s := range surplus {
		t.Errorf("%s", s)
	}
}

// matchWant removes from wants the first expectation at posn of the kind
// and name that message matches, or reports message as unexpected.
func matchWant(t analysistest.Testing, dir string, wants map[wantKey][]want, posn token.Position, kind, name, message string) {
	if h, ok := t.(helperT); ok {
		h.Helper()
	}
	posn.Filename = sanitize(dir, posn.Filename)
	k := wantKey{posn.Filename, posn.Line}
	var unmatched []string
	for i, w := range wants[k] {
		if w.kind != kind || w.name != name {
			continue
		}
		if w.rx.MatchString(message) {
			wants[k] = append(wants[k][:i:i], wants[k][i+1:]...)
			return
		}
		unmatched = append(unmatched, fmt.Sprintf("%#q", w.rx))
	}
	if unmatched == nil {
		t.Errorf("%v: unexpected %s: %v", posn, kind, message)
	} else {
		t.Errorf("%v: %s %q does not match pattern %s", posn, kind, message, strings.Join(unmatched, " or "))
	}
}

// readWants returns the expectations of the // want comments in pkg's
// Go files (at their //line positions) and other files.
func readWants(t analysistest.Testing, dir string, pkg *packages.Package) map[wantKey][]want {
	wants := make(map[wantKey][]want)
	add := func(file string, line int, text string) {
		rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
		if !ok {
			return
		}
		delta, ws, err := parseWants(rest)
		if err != nil {
			t.Errorf("%s:%d: in 'want' comment: %s", file, line, err)
		} else if ws != nil {
			wants[wantKey{file, line + delta}] = ws
		}
	}
	for _, f := range pkg.Syntax {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				posn := pkg.Fset.Position(c.Pos())
				add(sanitize(dir, posn.Filename), posn.Line, commentText(c.Text))
			}
		}
	}
	for _, name := range pkg.OtherFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("can't read '// want' comments from %s: %v", name, err)
			continue
		}
		for i, line := range strings.Split(string(data), "\n") {
			if j := strings.Index(line, "//"); j >= 0 {
				add(sanitize(dir, name), i+1, line[j+2:])
			}
		}
	}
	return wants
}

// commentText returns the text of a // or /* */ comment, from its
// "// want" on when it has one inside (a comment on a comment).
func commentText(c string) string {
	text := strings.TrimPrefix(c, "//")
	if text == c {
		text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	return text
}

// parseWants parses what follows "want": an optional +N line offset,
// then quoted or back-quoted regular expressions of diagnostics and
// name:"rx" expectations of facts.
func parseWants(text string) (delta int, ws []want, err error) {
	var scanErr string
	sc := new(scanner.Scanner).Init(strings.NewReader(text))
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	for {
		switch tok := sc.Scan(); tok {
		case '+':
			if tok := sc.Scan(); tok != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +Int", scanner.TokenString(tok))
			}
			delta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := wantRegexp(sc, tok)
			if err != nil {
				return 0, nil, err
			}
			ws = append(ws, want{"diagnostic", "", rx})
		case scanner.Ident:
			name := sc.TokenText()
			if tok := sc.Scan(); tok != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), name)
			}
			rx, err := wantRegexp(sc, sc.Scan())
			if err != nil {
				return 0, nil, err
			}
			ws = append(ws, want{"fact", name, rx})
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return delta, ws, nil
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// wantRegexp compiles the string token tok that sc just scanned.
func wantRegexp(sc *scanner.Scanner, tok rune) (*regexp.Regexp, error) {
	if tok != scanner.String && tok != scanner.RawString {
		return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
	}
	pattern, _ := strconv.Unquote(sc.TokenText())
	return regexp.Compile(pattern)
}

// sanitize returns filename relative to dir/src when it is under it (a
// GOPATH-mode testdata tree), as analysistest names files.
func sanitize(dir, filename string) string {
	prefix := dir + string(filepath.Separator) + "src" + string(filepath.Separator)
	return filepath.ToSlash(strings.TrimPrefix(filename, prefix))
}
