package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
)

// A Finding is one diagnostic of the check under measurement.
type Finding struct {
	File     string // relative to the module copy's root, slash-separated; for an outside finding, as envvet printed it
	Line     int
	Col      int
	Category string
	Message  string
	Outside  bool // the file is not in the module copy (module cache, GOROOT, no position)
}

// Rule is the finding's rule name, as rows spell it.
func (f *Finding) Rule() string { return ruleOf(f.Category) }

// A Run is what one envvet run on a module@version gave for one check.
type Run struct {
	Check    string
	Module   string
	Version  string
	Settings *Settings
	// Unmeasured is set when the harness could not run envvet (a failed
	// download): the module's rows are left out of the counts.
	Unmeasured string
	// LoadFailed is set when envvet stopped without results (exit 1 with
	// errors, no JSON): the module's report rows are misses.
	LoadFailed string
	// Partial is set when envvet gave results but exited 1: some
	// packages did not load or type-check and were skipped (its stderr).
	Partial string
	// Errors are the analysis errors of a run that did give results, by
	// analyzer and error, with the packages.
	Errors   []string
	Findings []*Finding
}

// ModVer is module@version.
func (r *Run) ModVer() string { return r.Module + "@" + r.Version }

// Counts are a check's or a rule's figures.
type Counts struct {
	TP, FP, FN, Unjudged   int
	Quiet                  int // quiet rows, held or not
	Either, EitherReported int
}

func (c *Counts) add(o *Counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.Unjudged += o.Unjudged
	c.Quiet += o.Quiet
	c.Either += o.Either
	c.EitherReported += o.EitherReported
}

// Precision is tp/(tp+fp); ok is false when there is nothing to divide.
func (c *Counts) Precision() (float64, bool) {
	if c.TP+c.FP == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FP), true
}

// Recall is tp/(tp+fn); ok is false when there is nothing to divide.
func (c *Counts) Recall() (float64, bool) {
	if c.TP+c.FN == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FN), true
}

// Kinds of listed items.
const (
	itemMiss     = "miss"     // a report row nothing matched
	itemFalse    = "false"    // a quiet row a finding matched
	itemUnlisted = "unlisted" // a finding with no row in a service module
	itemOutside  = "outside"  // a finding outside the module copy
	itemUnjudged = "unjudged" // a finding with no row in a module of fix rows only
)

// An Item is one miss, false report or unjudged finding, with its row.
type Item struct {
	Kind    string
	Rule    string
	ModVer  string
	File    string
	Line    int
	Row     *Row     // nil for unlisted, outside and unjudged findings
	Finding *Finding // nil for misses
	Note    string   // why a miss has no finding (load failure)
}

// A Score is a check's measurement.
type Score struct {
	Check      string
	Rows       int
	Modules    int
	ByRule     map[string]*Counts
	Total      Counts
	Items      []*Item
	Unmeasured []*Run // download failures
	LoadFailed []*Run
	Errors     []*Run // partial runs and runs with analysis errors
}

// ScoreTable matches the findings of runs (keyed by module@version) against
// the rows of t. A finding matches a row when its file and line are the
// row's and the row's rule is "-" or names the finding's category.
func ScoreTable(t *Table, runs map[string]*Run) *Score {
	s := &Score{Check: t.Check, ByRule: make(map[string]*Counts)}
	byMod := make(map[string][]*Row)
	for _, r := range t.Rows {
		byMod[r.ModVer()] = append(byMod[r.ModVer()], r)
	}
	for _, m := range slices.Sorted(maps.Keys(byMod)) {
		run := runs[m]
		if run == nil {
			continue // not selected (ONLY)
		}
		if run.Unmeasured != "" {
			s.Unmeasured = append(s.Unmeasured, run)
			continue
		}
		s.scoreModule(t.Check, byMod[m], run)
	}
	for _, c := range s.ByRule {
		s.Total.add(c)
	}
	s.sortItems()
	return s
}

// rule returns the counts of the named rule, added when new.
func (s *Score) rule(name string) *Counts {
	c := s.ByRule[name]
	if c == nil {
		c = new(Counts)
		s.ByRule[name] = c
	}
	return c
}

// scoreModule counts the rows of one module version against its run, and
// the findings no row matched.
func (s *Score) scoreModule(check string, rows []*Row, run *Run) {
	s.Modules++
	s.Rows += len(rows)
	if run.LoadFailed != "" {
		s.LoadFailed = append(s.LoadFailed, run)
	}
	if len(run.Errors) > 0 || run.Partial != "" {
		s.Errors = append(s.Errors, run)
	}
	matched := make(map[*Finding]bool)
	for _, r := range rows {
		var hits []*Finding
		for _, f := range run.Findings {
			if !f.Outside && f.File == r.File && f.Line == r.Line && (r.Rule == "-" || rules[check][r.Rule] == f.Category) {
				hits = append(hits, f)
				matched[f] = true
			}
		}
		s.scoreRow(check, r, run, hits)
	}
	service := slices.ContainsFunc(rows, func(r *Row) bool { return r.Kind == kindService })
	for _, f := range run.Findings {
		if !matched[f] {
			s.scoreUnmatched(f, run.ModVer(), service)
		}
	}
}

// scoreRow counts row r by the findings that matched it.
func (s *Score) scoreRow(check string, r *Row, run *Run, hits []*Finding) {
	name := canonicalRule(check, r.Rule)
	if name == "-" && len(hits) > 0 {
		name = hits[0].Rule()
	}
	c := s.rule(name)
	m := run.ModVer()
	switch r.Verdict {
	case verdictReport:
		if len(hits) > 0 {
			c.TP++
		} else {
			c.FN++
			s.Items = append(s.Items, &Item{Kind: itemMiss, Rule: name, ModVer: m, File: r.File, Line: r.Line, Row: r, Note: run.LoadFailed})
		}
	case verdictQuiet:
		c.Quiet++
		if len(hits) > 0 {
			c.FP++
			for _, f := range hits {
				s.Items = append(s.Items, &Item{Kind: itemFalse, Rule: name, ModVer: m, File: r.File, Line: r.Line, Row: r, Finding: f})
			}
		}
	case verdictEither:
		c.Either++
		if len(hits) > 0 {
			c.EitherReported++
		}
	}
}

// scoreUnmatched counts a finding no row matched: a false report outside
// the module copy or in a service read whole, else unjudged.
func (s *Score) scoreUnmatched(f *Finding, modVer string, service bool) {
	c := s.rule(f.Rule())
	it := &Item{Rule: f.Rule(), ModVer: modVer, File: f.File, Line: f.Line, Finding: f}
	switch {
	case f.Outside:
		it.Kind = itemOutside
		c.FP++
	case service:
		it.Kind = itemUnlisted
		c.FP++
	default:
		it.Kind = itemUnjudged
		c.Unjudged++
	}
	s.Items = append(s.Items, it)
}

// sortItems orders the items by kind, then position, rule and message.
func (s *Score) sortItems() {
	order := map[string]int{itemMiss: 0, itemFalse: 1, itemUnlisted: 2, itemOutside: 3, itemUnjudged: 4}
	slices.SortStableFunc(s.Items, func(a, b *Item) int {
		return cmp.Or(
			cmp.Compare(order[a.Kind], order[b.Kind]),
			cmp.Compare(a.ModVer, b.ModVer),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(message(a), message(b)),
		)
	})
}

func message(it *Item) string {
	if it.Finding != nil {
		return it.Finding.Message
	}
	return ""
}

// ratio formats a precision or recall.
func ratio(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

// Print writes the score: the figures per rule and in all, then every
// module that failed, every miss, false report, outside and unjudged
// finding with its row.
func (s *Score) Print(w io.Writer) {
	fmt.Fprintf(w, "== %s: %d rows, %d modules\n", s.Check, s.Rows, s.Modules)
	fmt.Fprintf(w, "%-12s %5s %5s %5s %9s %6s %7s %10s %7s\n", "rule", "tp", "fp", "fn", "unjudged", "quiet", "either", "precision", "recall")
	line := func(name string, c *Counts) {
		p, pok := c.Precision()
		r, rok := c.Recall()
		fmt.Fprintf(w, "%-12s %5d %5d %5d %9d %6d %7s %10s %7s\n", name, c.TP, c.FP, c.FN, c.Unjudged, c.Quiet,
			fmt.Sprintf("%d/%d", c.EitherReported, c.Either), ratio(p, pok), ratio(r, rok))
	}
	names := make([]string, 0, len(s.ByRule))
	for n := range s.ByRule {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		line(n, s.ByRule[n])
	}
	line("all", &s.Total)
	for _, r := range s.Unmeasured {
		fmt.Fprintf(w, "not measured %s: %s\n", r.ModVer(), r.Unmeasured)
	}
	for _, r := range s.LoadFailed {
		fmt.Fprintf(w, "load failed  %s: %s\n", r.ModVer(), indent(r.LoadFailed))
	}
	for _, r := range s.Errors {
		if r.Partial != "" {
			fmt.Fprintf(w, "partial      %s: %s\n", r.ModVer(), indent(r.Partial))
		}
		for _, e := range r.Errors {
			fmt.Fprintf(w, "error        %s: %s\n", r.ModVer(), indent(e))
		}
	}
	for _, it := range s.Items {
		fmt.Fprintf(w, "%-8s %-10s %s:%d %s\n", it.Kind, it.Rule, it.File, it.Line, it.ModVer)
		if it.Finding != nil {
			fmt.Fprintf(w, "\tenvvet: %s\n", it.Finding.Message)
		}
		if it.Row != nil {
			fmt.Fprintf(w, "\trow %s (%s, %s): %s\n\t%s\n", it.Row.Where(), it.Row.Verdict, it.Row.Kind, it.Row.Why, it.Row.Source)
		}
		if it.Note != "" {
			fmt.Fprintf(w, "\t(envvet did not load the module)\n")
		}
	}
}

// indent puts continuation lines of a multi-line message under the first.
func indent(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}
