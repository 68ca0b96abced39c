package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/engine"
)

// The -json output has the multichecker's schema: package ID → analyzer
// name → the root diagnostics, or {"error": ...} for an action that
// failed, dependencies included.

type jsonError struct {
	Err string `json:"error"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

// printJSON writes res in the -json schema, with the findings the driver
// made itself (those with an Owner) under their owners; encoding/json
// sorts the keys.
func printJSON(w io.Writer, res *engine.Result, findings []Finding) error {
	tree := make(map[string]map[string]any)
	add := func(act *engine.Action) {
		var v any
		switch {
		case act.Err != nil:
			v = jsonError{act.Err.Error()}
		case act.IsRoot && len(act.Diagnostics) > 0:
			v = jsonDiagnostics(act.Package.Fset, act.Diagnostics)
		default:
			return
		}
		m := tree[act.Package.ID]
		if m == nil {
			m = make(map[string]any)
			tree[act.Package.ID] = m
		}
		m[act.Analyzer.Name] = v
	}
	for _, act := range res.Failed {
		add(act)
	}
	for _, act := range res.Roots {
		add(act)
	}
	for _, f := range findings {
		if f.Owner == "" || f.Package != nil {
			continue
		}
		m := tree[f.Owner]
		if m == nil {
			m = make(map[string]any)
			tree[f.Owner] = m
		}
		ds, _ := m[f.Analyzer.Name].([]jsonDiagnostic)
		m[f.Analyzer.Name] = append(ds, jsonDiagnostic{
			Category: f.Diag.Category, Posn: f.Posn.String(), End: f.Posn.String(), Message: f.Diag.Message,
		})
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func jsonDiagnostics(fset *token.FileSet, diags []analysis.Diagnostic) []jsonDiagnostic {
	out := make([]jsonDiagnostic, 0, len(diags))
	for _, d := range diags {
		jd := jsonDiagnostic{
			Category: d.Category,
			Posn:     fset.Position(d.Pos).String(),
			End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
			Message:  d.Message,
		}
		for _, f := range d.SuggestedFixes {
			fix := jsonFix{Message: f.Message}
			for _, e := range f.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(e.End)
				fix.Edits = append(fix.Edits, jsonEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, fix)
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{
				Posn:    fset.Position(r.Pos).String(),
				End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
				Message: r.Message,
			})
		}
		out = append(out, jd)
	}
	return out
}
