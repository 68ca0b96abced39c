// Package sarif writes envvet's findings as a SARIF 2.1.0 log, the format
// that code-scanning services (GitHub code scanning, among others) and
// SARIF viewers read. The standalone driver uses it for -format=sarif.
//
// Write emits one run: tool.driver names envvet and lists one rule
// (reportingDescriptor) per check or check/category; each result carries
// its rule's id and index, its message, its location, related locations
// (with ids and messages), fixes, a partial fingerprint and, for a finding
// an //envvet:ignore directive suppressed, an inSource suppression with the
// directive's reason. The log has the shape github.com/owenrumney/go-sarif
// (v3, package v210/sarif) gives it, the library it was first built with
// (see log.go): every array property that library knows, empty or not, and
// the SARIF defaults (-1) of properties such as rank, byteOffset and
// charOffset, so the log is longer than a hand-written one but valid
// against the SARIF 2.1.0 schema (see testdata/SCHEMA.md).
//
// # Paths
//
// Artifact URIs are relative to the module root, with uriBaseId
// "%SRCROOT%"; run.originalUriBaseIds maps %SRCROOT% to the root as a
// file:// URI. GitHub resolves relative URIs against the repository root
// and ignores originalUriBaseIds, so the two agree only when the module
// root is the repository root; a driver can pass RepoRoot(moduleDir)
// instead. A file outside the root keeps its absolute file:// URI.
//
// # Columns
//
// Go reports columns in bytes; SARIF 2.1.0 has no byte columns. Write
// reads each file it cites and converts columns to UTF-16 code units, and
// says so in run.columnKind ("utf16CodeUnits"). UTF-16 code units are what
// JavaScript-based viewers (GitHub's, VS Code's) index strings by, so a
// consumer that ignores columnKind still highlights the right characters.
// When a file cannot be read, its columns are written as given (they are
// right for ASCII lines).
//
// # Fingerprints
//
// Every result has partialFingerprints["envvet/v1"]: a hash of the rule
// id, the root-relative path, the message with line references ("line
// 12") blanked, and the text of the finding's line with surrounding space
// trimmed, followed by ":n" where n counts results with the same hash in
// the given order. Inserting or deleting unrelated lines therefore leaves
// it unchanged. When the file cannot be read, the line number stands in
// for the line's text. GitHub code scanning matches alerts by its own
// primaryLocationLineHash, which its upload-sarif action adds from the
// checked-out files; envvet leaves that key to it.
//
// # Rules
//
// GitHub limits shortDescription and fullDescription to 1024 characters:
// longer texts are cut at a paragraph, sentence or word boundary, and the
// complete Full text goes into help.text, with a pointer to HelpURI.
package sarif

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// SchemaURI is the $schema of the logs Write emits: the OASIS SARIF 2.1.0
// schema (errata 01), the one testdata/sarif-schema-2.1.0.json copies.
const SchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey is the partialFingerprints key of envvet's fingerprint.
const FingerprintKey = "envvet/v1"

// SrcRoot is the uriBaseId of artifact URIs relative to the module root.
const SrcRoot = "%SRCROOT%"

// maxDescription is GitHub code scanning's limit on shortDescription and
// fullDescription, in characters.
const maxDescription = 1024

// Tool describes the analysis tool: tool.driver's name, version and informationUri.
type Tool struct{ Name, Version, InformationURI string }

// A Rule is one reportingDescriptor: a check, or one category of a check.
type Rule struct {
	ID      string // "envkeys" or "envkeys/undeclared" (check/category)
	Short   string // shortDescription: the check's doc summary line
	Full    string // fullDescription
	HelpURI string // README section URL
	Level   string // "error", "warning" or "note"; "" means "warning"
}

// A Location is a place in a file. Columns are 1-based byte columns, as
// go/token reports them; Write converts them (see the package comment).
type Location struct {
	File                       string // absolute path
	Line, Col, EndLine, EndCol int    // 1-based; EndLine/EndCol 0 when unknown
	Message                    string // for related locations
}

// An Edit replaces the text between (Line, Col) and (EndLine, EndCol) with
// NewText; an insertion has the end equal to the start (or 0).
type Edit struct {
	File                       string
	Line, Col, EndLine, EndCol int
	NewText                    string
}

// A Fix is one suggested fix: edits that belong together.
type Fix struct {
	Description string
	Edits       []Edit
}

// A Result is one finding.
type Result struct {
	RuleID   string
	Message  string
	Location Location
	Related  []Location
	Fixes    []Fix
	// Suppressed is non-nil for a finding an //envvet:ignore directive suppressed.
	Suppressed *Suppression
}

// A Suppression is the directive that suppressed a finding.
type Suppression struct{ Justification string }

// An Invocation is what a run met besides its results, recorded as the
// run's invocation: Errors (a package that did not type-check, and so was
// not analyzed) make executionSuccessful false and are written as
// toolExecutionNotifications of level "error"; Notes (conclusions the run
// withheld) as notifications of level "note".
type Invocation struct {
	Errors, Notes []Notification
}

// A Notification is one message of an Invocation, positioned or not
// (Location.File "").
type Notification struct {
	Message  string
	Location Location
}

// Write writes one SARIF 2.1.0 log with one run to w. root is the module root: artifact URIs are
// relative to it with uriBaseId "%SRCROOT%" (and originalUriBaseIds maps %SRCROOT% to root as a
// file:// URI); files outside root keep absolute file:// URIs. Results are in the given order.
//
// Every result's RuleID must be the ID of one of rules, and rule IDs must
// be distinct; Write returns an error otherwise, and for a level other
// than "error", "warning", "note" or "". With inv non-nil, the run has one
// invocation (see Invocation).
func Write(w io.Writer, tool Tool, root string, rules []Rule, results []Result, inv *Invocation) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return fmt.Errorf("sarif: module root: %w", err)
	}
	wr := &writer{root: root, files: newFileCache()}
	driver, index, levels, err := toolDriver(tool, rules)
	if err != nil {
		return err
	}

	rn := newRun()
	rn.Tool = newTool(driver)
	rn.ColumnKind = ptr("utf16CodeUnits")
	base := newArtifactLocation()
	base.URI = ptr(dirURI(root))
	rn.OriginalURIBaseIDs = map[string]artifactLocation{SrcRoot: *base}

	fps := make(map[string]int) // fingerprint hash → results so far
	for i, res := range results {
		ruleIndex, ok := index[res.RuleID]
		if !ok {
			return fmt.Errorf("sarif: result %d (%s) has rule %q, which is not among the rules", i, res.Message, res.RuleID)
		}
		r := wr.result(res, ruleIndex, levels[res.RuleID])
		h := wr.fingerprint(res)
		fps[h]++
		r.PartialFingerprints = map[string]string{FingerprintKey: fmt.Sprintf("%s:%d", h, fps[h])}
		rn.Results = append(rn.Results, r)
	}

	if inv != nil {
		rn.Invocations = append(rn.Invocations, wr.invocation(inv))
	}

	l := &log{Schema: SchemaURI, Version: "2.1.0", Runs: []*run{rn}}
	// Report.PrettyWrite would do, but it writes no final newline and
	// escapes <, > and & in messages; encode it ourselves.
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// toolDriver returns the tool component describing tool and its rules,
// with each rule's index and default level by ID; an error for a rule
// listed twice or a level other than error, warning, note or "".
func toolDriver(tool Tool, rules []Rule) (*toolComponent, map[string]int, map[string]string, error) {
	driver := newToolComponent()
	driver.Name = ptr(tool.Name)
	if tool.Version != "" {
		driver.Version = ptr(tool.Version)
	}
	if tool.InformationURI != "" {
		driver.InformationURI = ptr(tool.InformationURI)
	}
	index := make(map[string]int, len(rules))
	levels := make(map[string]string, len(rules))
	for i, r := range rules {
		if _, dup := index[r.ID]; dup {
			return nil, nil, nil, fmt.Errorf("sarif: rule %q is listed twice", r.ID)
		}
		level := cmp.Or(r.Level, levelWarning)
		switch level {
		case levelError, levelWarning, levelNote:
		default:
			return nil, nil, nil, fmt.Errorf("sarif: rule %q has level %q, want error, warning or note", r.ID, r.Level)
		}
		index[r.ID], levels[r.ID] = i, level
		driver.Rules = append(driver.Rules, descriptor(r, level))
	}
	return driver, index, levels, nil
}

// result returns res as a SARIF result of the rule at ruleIndex, without
// its fingerprint.
func (wr *writer) result(res Result, ruleIndex int, level string) *result {
	r := newResult()
	r.RuleID = ptr(res.RuleID)
	r.RuleIndex = ruleIndex
	r.Level = level
	r.Message = textMessage(res.Message)
	if loc := wr.location(res.Location, 0); loc != nil {
		r.Locations = append(r.Locations, loc)
	}
	for j, rel := range res.Related {
		if loc := wr.location(rel, j+1); loc != nil {
			r.RelatedLocations = append(r.RelatedLocations, loc)
		}
	}
	for _, f := range res.Fixes {
		if len(f.Edits) > 0 { // a fix needs at least one artifactChange
			r.Fixes = append(r.Fixes, wr.fix(f))
		}
	}
	if res.Suppressed != nil {
		s := &suppression{Kind: ptr("inSource")}
		if res.Suppressed.Justification != "" {
			s.Justification = ptr(res.Suppressed.Justification)
		}
		r.Suppressions = []*suppression{s}
	}
	return r
}

// descriptor returns r as a reportingDescriptor with the given default level.
func descriptor(r Rule, level string) *reportingDescriptor {
	d := &reportingDescriptor{ID: ptr(r.ID)}
	short := cmp.Or(strings.TrimSpace(r.Short), r.ID)
	full := cmp.Or(strings.TrimSpace(r.Full), short)
	d.ShortDescription = text(clip(short))
	d.FullDescription = text(clip(full))
	help := full
	if r.HelpURI != "" {
		d.HelpURI = ptr(r.HelpURI)
		help += "\n\nSee " + r.HelpURI
	}
	d.Help = text(help) // GitHub requires help.text
	d.DefaultConfiguration = &reportingConfiguration{Enabled: true, Level: level, Rank: -1}
	return d
}

func text(s string) *multiformatMessageString {
	return &multiformatMessageString{Text: ptr(s)}
}

// clip shortens s to at most maxDescription characters, cutting at the
// last paragraph break, else sentence end, else space that keeps at least
// half of it, and marking the cut with "…".
func clip(s string) string {
	rs := []rune(s)
	if len(rs) <= maxDescription {
		return s
	}
	head := string(rs[:maxDescription-1])
	for _, sep := range []string{"\n\n", ". ", " "} {
		if i := strings.LastIndex(head, sep); i >= len(head)/2 {
			head = head[:i+len(sep)]
			break
		}
	}
	return strings.TrimSpace(head) + "…"
}

// writer holds what one Write call shares between results.
type writer struct {
	root  string
	files *fileCache
}

// location returns loc as a SARIF location with the given id (0 for a
// result's own location), or nil if loc names no file.
func (wr *writer) location(loc Location, id int) *location {
	if loc.File == "" {
		return nil
	}
	pl := &physicalLocation{
		ArtifactLocation: wr.artifact(loc.File),
		Region:           wr.region(loc.File, loc.Line, loc.Col, loc.EndLine, loc.EndCol, false),
	}
	l := &location{ID: id, PhysicalLocation: pl}
	if loc.Message != "" {
		l.Message = textMessage(loc.Message)
	}
	return l
}

// invocation returns inv as a SARIF invocation.
func (wr *writer) invocation(inv *Invocation) *invocation {
	in := &invocation{ExecutionSuccessful: ptr(len(inv.Errors) == 0), ToolExecutionNotifications: []*notification{}}
	add := func(ns []Notification, level string) {
		for _, n := range ns {
			sn := &notification{Level: level, Locations: []*location{}, Message: textMessage(n.Message)}
			if loc := wr.location(n.Location, 0); loc != nil {
				sn.Locations = append(sn.Locations, loc)
			}
			in.ToolExecutionNotifications = append(in.ToolExecutionNotifications, sn)
		}
	}
	add(inv.Errors, levelError)
	add(inv.Notes, levelNote)
	return in
}

// artifact returns the artifactLocation of file: relative to the root with
// uriBaseId %SRCROOT% when it is inside the root, else an absolute file URI.
func (wr *writer) artifact(file string) *artifactLocation {
	a := newArtifactLocation()
	if rel, ok := wr.rel(file); ok {
		a.URI = ptr((&url.URL{Path: rel}).EscapedPath())
		a.URIBaseID = ptr(SrcRoot)
	} else {
		a.URI = ptr(fileURI(file))
	}
	return a
}

// rel returns file relative to the root, with forward slashes, and
// whether it is inside the root. Symbolic links are resolved when the
// plain paths disagree.
func (wr *writer) rel(file string) (string, bool) {
	if !filepath.IsAbs(file) {
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
	}
	rel, ok := relInside(wr.root, file)
	if !ok {
		root, err1 := filepath.EvalSymlinks(wr.root)
		f, err2 := filepath.EvalSymlinks(file)
		if err1 == nil && err2 == nil {
			rel, ok = relInside(root, f)
		}
	}
	return filepath.ToSlash(rel), ok
}

func relInside(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

// region returns the region from (line, col) to (endLine, endCol), with
// columns in UTF-16 code units, or nil if line is unknown. An unknown end
// ends the region at the end of its start line. For a fix's deleted
// region (edit), an unknown end is the start: an insertion.
func (wr *writer) region(file string, line, col, endLine, endCol int, edit bool) *region {
	if line <= 0 {
		return nil
	}
	r := newRegion()
	r.StartLine = ptr(line)
	if col > 0 {
		r.StartColumn = ptr(wr.files.column(file, line, col))
	}
	switch {
	case endLine > 0 && endCol > 0:
		r.EndLine = ptr(endLine)
		r.EndColumn = ptr(wr.files.column(file, endLine, endCol))
	case edit && col > 0:
		r.EndLine = ptr(line)
		r.EndColumn = r.StartColumn
	default:
		// GitHub wants endLine; without endColumn the region runs to
		// the end of the line.
		r.EndLine = ptr(max(line, endLine))
	}
	return r
}

// fix returns f as a SARIF fix: one artifactChange per file, in the order
// the files first appear, each with its replacements in the given order.
func (wr *writer) fix(f Fix) *fix {
	fx := &fix{}
	if f.Description != "" {
		fx.Description = textMessage(f.Description)
	}
	changes := make(map[string]*artifactChange)
	for _, e := range f.Edits {
		ch := changes[e.File]
		if ch == nil {
			ch = &artifactChange{ArtifactLocation: wr.artifact(e.File)}
			changes[e.File] = ch
			fx.ArtifactChanges = append(fx.ArtifactChanges, ch)
		}
		rep := &replacement{}
		rep.DeletedRegion = wr.region(e.File, e.Line, e.Col, e.EndLine, e.EndCol, true)
		if rep.DeletedRegion == nil {
			rep.DeletedRegion = newRegion() // unknown place: keep the object valid
			rep.DeletedRegion.StartLine = ptr(1)
			rep.DeletedRegion.StartColumn = ptr(1)
			rep.DeletedRegion.EndLine = ptr(1)
			rep.DeletedRegion.EndColumn = ptr(1)
		}
		if e.NewText != "" {
			rep.InsertedContent = &artifactContent{Text: ptr(e.NewText)}
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	return fx
}

// dirURI returns the file URI of directory dir, ending in a slash as
// originalUriBaseIds requires.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// fileURI returns the file:// URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func ptr[T any](v T) *T { return &v }

// RepoRoot returns the root of the version-control checkout that holds
// dir: the nearest directory, dir itself or an ancestor, that contains a
// .git entry (a directory, or a file in worktrees and submodules). It
// returns dir when there is none. GitHub code scanning resolves relative
// artifact URIs against the repository root and ignores
// originalUriBaseIds, so a driver that passes RepoRoot(moduleDir) as
// Write's root gets correct paths for a module in a subdirectory too.
func RepoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// Root returns the root that Write should resolve paths against for
// findings in the modules at dirs: the common ancestor of their
// RepoRoots, so that one run over several modules (a go.work workspace,
// or module patterns from a parent directory) gives every file a
// relative URI. In a checkout that is the repository root; without one,
// the closest directory holding all the modules. It returns "" for no
// dirs.
func Root(dirs []string) string {
	root := ""
	for _, d := range dirs {
		r := RepoRoot(d)
		if abs, err := filepath.Abs(r); err == nil {
			r = abs
		}
		if root == "" {
			root = r
		}
		for !isWithin(root, r) {
			root = filepath.Dir(root)
		}
	}
	return root
}

// isWithin reports whether path is dir or below it.
func isWithin(dir, path string) bool {
	_, ok := relInside(dir, path)
	return ok
}
