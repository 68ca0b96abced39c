package main

import (
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// The table format (bench/README.md, "bench/realworld").
const (
	tableHeader    = "module\tversion\tfile\tline\tverdict\tkind\trule\twhy\tsource"
	settingsHeader = "module\tversion\tdir\tpatterns\tflags\tenv\tfiles"
)

// Verdicts and kinds of a row.
const (
	verdictReport = "report"
	verdictQuiet  = "quiet"
	verdictEither = "either"

	kindFixBefore = "fix-before"
	kindFixAfter  = "fix-after"
	kindService   = "service"
)

// rules maps, for each check, every rule name a row may use to the
// Category of the check's diagnostics that it matches. The names the table
// format fixes come first; where a check's category is spelled otherwise
// (dbpool's per-call and nolimit) the category is accepted as an alias.
// A row's rule "-" matches any category.
var rules = map[string]map[string]string{
	"ctxgo": {
		"cutshort":   "cutshort",
		"unobserved": "unobserved",
		"handover":   "handover",
	},
	"dbpool": {
		"shared":     "shared",
		"perrequest": "per-call",
		"per-call":   "per-call",
		"unlimited":  "nolimit",
		"nolimit":    "nolimit",
		"isolation":  "isolation",
	},
	"nocgo": {
		"direct": "direct",
		"import": "import",
		"stub":   "stub",
	},
	"envkeys": {
		"undeclared": "undeclared",
		"unread":     "unread",
		"dynamic":    "dynamic",
		"unset":      "unset",
	},
	"envparse": {
		"dropped":  "dropped",
		"helper":   "helper",
		"loader":   "loader",
		"fallback": "fallback",
		"inverted": "inverted",
	},
	"envsecret": {
		"configmap":  "configmap",
		"container":  "container",
		"dockerfile": "dockerfile",
		"compose":    "compose",
		"dotenv":     "dotenv",
	},
	"envtype": {
		"value":    "value",
		"conflict": "conflict",
	},
}

// ruleNames maps a category back to the rule name the output uses (the
// table format's name: perrequest, not per-call).
var ruleNames = map[string]string{
	"per-call": "perrequest",
	"nolimit":  "unlimited",
}

// ruleOf returns the rule name of a diagnostic category.
func ruleOf(category string) string {
	if r, ok := ruleNames[category]; ok {
		return r
	}
	if category == "" {
		return "-"
	}
	return category
}

// canonicalRule returns the rule name the output uses for a row's rule.
func canonicalRule(check, rule string) string {
	if rule == "-" {
		return "-"
	}
	return ruleOf(rules[check][rule])
}

// knownChecks lists the checks that have tables, in output order.
var knownChecks = []string{"envkeys", "nocgo", "ctxgo", "dbpool", "envparse", "envtype", "envsecret"}

// A Row is one site of a verdict table.
type Row struct {
	Table   string // the table file, for messages
	TLine   int    // the row's line in the table file
	Check   string
	Module  string
	Version string
	File    string // relative to the module root, slash-separated
	Line    int
	Verdict string
	Kind    string
	Rule    string // as written; "-" matches any category
	Why     string
	Source  string
}

// ModVer is the row's module@version.
func (r *Row) ModVer() string { return r.Module + "@" + r.Version }

// Pos is file:line.
func (r *Row) Pos() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// Where is the row's place in its table, table:line.
func (r *Row) Where() string { return fmt.Sprintf("%s:%d", r.Table, r.TLine) }

// Settings are the optional per-module settings of a table.
type Settings struct {
	Table    string
	TLine    int
	Module   string
	Version  string // "-": every version of Module in the table
	Dir      string // slash-separated, relative to the module root
	Patterns []string
	Flags    []string
	Env      []string
	Files    string // a directory under overlay/<check>/, or ""
}

// A Table is one check's verdict table with its settings.
type Table struct {
	Check    string
	Path     string
	Rows     []*Row
	Settings []*Settings
}

// settingsFor returns the settings of module@version: an exact row, else
// a row for every version of the module, else the defaults.
func (t *Table) settingsFor(module, version string) *Settings {
	var any *Settings
	for _, s := range t.Settings {
		if s.Module != module {
			continue
		}
		if s.Version == version {
			return s
		}
		if s.Version == "-" {
			any = s
		}
	}
	if any != nil {
		return any
	}
	return &Settings{Module: module, Version: version, Dir: ".", Patterns: []string{"./..."}}
}

// A Problem is something wrong with a table: an error fails the
// validation, a warning is only printed.
type Problem struct {
	Path string
	Line int
	Msg  string
	Warn bool
}

func (p Problem) String() string {
	s := fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	if p.Warn {
		s = fmt.Sprintf("%s:%d: warning: %s", p.Path, p.Line, p.Msg)
	}
	return s
}

// Errors returns the problems that are errors.
func Errors(ps []Problem) []Problem {
	var errs []Problem
	for _, p := range ps {
		if !p.Warn {
			errs = append(errs, p)
		}
	}
	return errs
}

var (
	// semverRE is a Go module version: vMAJOR.MINOR.PATCH, a pre-release
	// and +incompatible allowed.
	semverRE = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+incompatible)?$`)
	// pseudoRE is the tail of a pseudo-version, which names a commit, not a
	// tag: the proxy the harness relies on serves tagged versions only.
	pseudoRE = regexp.MustCompile(`[-.]([0-9]{14})-[0-9a-f]{12}(\+incompatible)?$`)
	envRE    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)
	moduleRE = regexp.MustCompile(`^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$`)
)

// lines splits data into lines (a final newline ends the last one; a
// carriage return before a newline is dropped).
func lines(data []byte) []string {
	s := strings.TrimSuffix(string(data), "\n")
	if s == "" {
		return nil
	}
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// records yields the line number and the trimmed fields of each row of a
// TSV file whose first line must be header (comments and blank lines
// skipped), reporting to bad a wrong header (then nothing is yielded) and
// a row with another number of columns (then that row is not).
func records(data []byte, header string, bad func(line int, format string, args ...any)) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		ls := lines(data)
		if len(ls) == 0 || ls[0] != header {
			bad(1, "the first line must be the header %q", header)
			return
		}
		width := strings.Count(header, "\t") + 1
		for i, l := range ls[1:] {
			n := i + 2
			if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
				continue
			}
			f := strings.Split(l, "\t")
			if len(f) != width {
				bad(n, "%d tab-separated columns, want %d (%s)", len(f), width, strings.ReplaceAll(header, "\t", " "))
				continue
			}
			for j := range f {
				f[j] = strings.TrimSpace(f[j])
			}
			if !yield(n, f) {
				return
			}
		}
	}
}

// ParseTable parses the verdict table of check read from file name and
// returns its rows and what is wrong with it. Rows with errors are left out.
func ParseTable(check, name string, data []byte) ([]*Row, []Problem) {
	var ps []Problem
	bad := func(line int, format string, args ...any) {
		ps = append(ps, Problem{Path: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if rules[check] == nil {
		bad(1, "unknown check %q (a table is <check>.tsv, check one of %s)", check, strings.Join(knownChecks, ", "))
		return nil, ps
	}
	var rows []*Row
	seen := make(map[rowKey][]*Row)
	for n, f := range records(data, tableHeader, bad) {
		r := &Row{Table: name, TLine: n, Check: check, Module: f[0], Version: f[1], File: f[2],
			Verdict: f[4], Kind: f[5], Rule: f[6], Why: f[7], Source: f[8]}
		before := len(ps)
		r.Line = checkRow(r, f[3], func(format string, args ...any) { bad(n, format, args...) })
		if !strings.HasPrefix(r.Source, "https://") && !strings.HasPrefix(r.Source, "http://") && r.Source != "" && r.Source != "-" {
			ps = append(ps, Problem{Path: name, Line: n, Msg: fmt.Sprintf("source %q is not a URL", r.Source), Warn: true})
		}
		if len(ps) > before && len(Errors(ps[before:])) > 0 {
			continue
		}
		if overlapping(r, seen, func(format string, args ...any) { bad(n, format, args...) }) {
			continue
		}
		k := rowKey{r.ModVer(), r.File, r.Line}
		seen[k] = append(seen[k], r)
		rows = append(rows, r)
	}
	return rows, append(ps, unpaired(name, rows)...)
}

// A rowKey is a row's place: module@version, file and line.
type rowKey struct {
	modver, file string
	line         int
}

// checkRow reports what is wrong with the fields of r, and returns its
// line number, parsed from line.
func checkRow(r *Row, line string, bad func(format string, args ...any)) int {
	if !moduleRE.MatchString(r.Module) || !strings.Contains(r.Module, ".") && !strings.Contains(r.Module, "/") {
		bad("module %q is not a module path", r.Module)
	}
	checkVersion(r.Version, func(msg string) { bad("%s", msg) })
	if msg := checkRelPath(r.File, false); msg != "" {
		bad("file %q: %s", r.File, msg)
	}
	n, err := strconv.Atoi(line)
	if err != nil || n < 1 {
		bad("line %q is not a positive number", line)
	}
	switch r.Verdict {
	case verdictReport, verdictQuiet, verdictEither:
	default:
		bad("unknown verdict %q (want report, quiet or either)", r.Verdict)
	}
	switch r.Kind {
	case kindFixBefore, kindFixAfter, kindService:
	default:
		bad("unknown kind %q (want fix-before, fix-after or service)", r.Kind)
	}
	if _, ok := rules[r.Check][r.Rule]; !ok && r.Rule != "-" {
		bad("unknown rule %q for %s (want - or one of %s)", r.Rule, r.Check, strings.Join(ruleList(r.Check), ", "))
	}
	if r.Why == "" || r.Why == "-" {
		bad("why is empty")
	}
	if r.Source == "" || r.Source == "-" {
		bad("source is empty")
	}
	return n
}

// overlapping reports whether r repeats a row already seen at its place:
// the same rule, or rule "-" beside any other.
func overlapping(r *Row, seen map[rowKey][]*Row, bad func(format string, args ...any)) bool {
	dup := false
	for _, o := range seen[rowKey{r.ModVer(), r.File, r.Line}] {
		cr, co := canonicalRule(r.Check, r.Rule), canonicalRule(r.Check, o.Rule)
		switch {
		case cr == co:
			bad("duplicate row: %s %s rule %s is already on line %d", r.ModVer(), r.Pos(), r.Rule, o.TLine)
			dup = true
		case cr == "-" || co == "-":
			bad("row %s %s rule %s overlaps line %d (rule %s): rule - matches every category", r.ModVer(), r.Pos(), r.Rule, o.TLine, o.Rule)
			dup = true
		}
	}
	return dup
}

// unpaired warns, at its first row of the kind, of a module whose
// fix-before rows have no fix-after row in the table, or the reverse.
func unpaired(name string, rows []*Row) []Problem {
	kinds := make(map[string]map[string]int) // module → kind → first line
	for _, r := range rows {
		if kinds[r.Module] == nil {
			kinds[r.Module] = make(map[string]int)
		}
		if _, ok := kinds[r.Module][r.Kind]; !ok {
			kinds[r.Module][r.Kind] = r.TLine
		}
	}
	var ps []Problem
	warn := func(r *Row, has, lacks string) {
		ps = append(ps, Problem{Path: name, Line: r.TLine, Warn: true,
			Msg: fmt.Sprintf("%s has %s rows but no %s row in this table", r.Module, has, lacks)})
	}
	for _, r := range rows {
		k := kinds[r.Module]
		switch {
		case r.Kind == kindFixBefore && k[kindFixBefore] == r.TLine:
			if _, ok := k[kindFixAfter]; !ok {
				warn(r, kindFixBefore, kindFixAfter)
			}
		case r.Kind == kindFixAfter && k[kindFixAfter] == r.TLine:
			if _, ok := k[kindFixBefore]; !ok {
				warn(r, kindFixAfter, kindFixBefore)
			}
		}
	}
	return ps
}

// checkVersion reports what is wrong with a module version.
func checkVersion(v string, bad func(string)) {
	switch {
	case !semverRE.MatchString(v):
		bad(fmt.Sprintf("version %q is not a module version (vX.Y.Z)", v))
	case pseudoRE.MatchString(v):
		bad(fmt.Sprintf("version %q is a pseudo-version; use a tagged version", v))
	}
}

// checkRelPath returns what is wrong with a slash-separated path relative
// to the module root, or "".
func checkRelPath(p string, dirOK bool) string {
	switch {
	case p == "" || p == "-":
		return "is empty"
	case strings.Contains(p, "\\"):
		return "use forward slashes"
	case path.IsAbs(p):
		return "must be relative to the module root"
	case path.Clean(p) != p:
		return fmt.Sprintf("is not clean (%s)", path.Clean(p))
	case p == ".." || strings.HasPrefix(p, "../"):
		return "is outside the module"
	case p == "." && !dirOK:
		return "is not a file"
	}
	return ""
}

func ruleList(check string) []string {
	var rs []string
	for r := range rules[check] {
		rs = append(rs, r)
	}
	sort.Strings(rs)
	return rs
}

// ParseSettings parses check's settings table read from file name; overlay
// is the directory of its overlays (overlay/<check>), whose subdirectories
// the files column names.
func ParseSettings(check, name string, data []byte, overlay string) ([]*Settings, []Problem) {
	var ps []Problem
	bad := func(line int, format string, args ...any) {
		ps = append(ps, Problem{Path: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var out []*Settings
	seen := make(map[string]int)
	for n, f := range records(data, settingsHeader, bad) {
		before := len(ps)
		s := &Settings{Table: name, TLine: n, Module: f[0], Version: f[1], Dir: f[2]}
		if !moduleRE.MatchString(s.Module) {
			bad(n, "module %q is not a module path", s.Module)
		}
		if s.Version != "-" {
			checkVersion(s.Version, func(msg string) { bad(n, "%s", msg) })
		}
		if s.Dir == "-" || s.Dir == "" {
			s.Dir = "."
		} else if msg := checkRelPath(s.Dir, true); msg != "" {
			bad(n, "dir %q: %s", s.Dir, msg)
		}
		s.Patterns = fieldsOrNil(f[3])
		if s.Patterns == nil {
			s.Patterns = []string{"./..."}
		}
		s.Flags = fieldsOrNil(f[4])
		for _, fl := range s.Flags {
			switch {
			case !strings.HasPrefix(fl, "-"):
				bad(n, "flag %q does not start with -", fl)
			case fl == "-json" || strings.HasPrefix(fl, "-format"):
				bad(n, "flag %q: the harness sets the output format", fl)
			}
		}
		s.Env = fieldsOrNil(f[5])
		for _, e := range s.Env {
			if !envRE.MatchString(e) {
				bad(n, "env %q is not VAR=value", e)
			}
		}
		if f[6] != "-" && f[6] != "" {
			s.Files = f[6]
			if strings.ContainsAny(s.Files, "/\\") || s.Files == "." || s.Files == ".." {
				bad(n, "files %q must be a directory name under overlay/%s/", s.Files, check)
			} else if st, err := os.Stat(filepath.Join(overlay, s.Files)); err != nil || !st.IsDir() {
				bad(n, "files %q: no directory %s", s.Files, filepath.Join(overlay, s.Files))
			}
		}
		if len(ps) > before {
			continue
		}
		k := s.Module + "@" + s.Version
		if o, ok := seen[k]; ok {
			bad(n, "duplicate settings for %s (line %d)", k, o)
			continue
		}
		seen[k] = n
		out = append(out, s)
	}
	return out, ps
}

// fieldsOrNil splits a space-separated column; "-" is empty.
func fieldsOrNil(s string) []string {
	if s == "-" {
		return nil
	}
	return strings.Fields(s)
}

// LoadTables reads the tables of dir: for each check, <check>.tsv and, if
// present, <check>.modules.tsv (overlays in overlay/<check>/). Other
// *.tsv files are errors. display turns a file path into the one messages
// show.
func LoadTables(dir string, display func(string) string) ([]*Table, []Problem, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	var tables []*Table
	var ps []Problem
	byCheck := make(map[string]*Table)
	var settings []string
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasSuffix(base, ".modules.tsv") {
			settings = append(settings, name)
			continue
		}
		check := strings.TrimSuffix(base, ".tsv")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		rows, p := ParseTable(check, display(name), data)
		ps = append(ps, p...)
		if rules[check] == nil {
			continue
		}
		t := &Table{Check: check, Path: display(name), Rows: rows}
		byCheck[check] = t
		tables = append(tables, t)
	}
	for _, name := range settings {
		check := strings.TrimSuffix(filepath.Base(name), ".modules.tsv")
		t := byCheck[check]
		if t == nil {
			ps = append(ps, Problem{Path: display(name), Line: 1, Msg: fmt.Sprintf("settings for %q, which has no table %s.tsv", check, check)})
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		s, p := ParseSettings(check, display(name), data, filepath.Join(dir, "overlay", check))
		ps = append(ps, p...)
		t.Settings = s
		mods := make(map[string]bool)
		for _, r := range t.Rows {
			mods[r.ModVer()] = true
			mods[r.Module+"@-"] = true
		}
		for _, st := range s {
			if !mods[st.Module+"@"+st.Version] {
				ps = append(ps, Problem{Path: st.Table, Line: st.TLine, Warn: true,
					Msg: fmt.Sprintf("settings for %s@%s, which no row of %s names", st.Module, st.Version, t.Path)})
			}
		}
	}
	sort.Slice(tables, func(i, j int) bool {
		return slices.Index(knownChecks, tables[i].Check) < slices.Index(knownChecks, tables[j].Check)
	})
	return tables, ps, nil
}
