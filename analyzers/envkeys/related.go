package envkeys

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/relpos"
)

// siteFiles turns the sites of a pass's references into positions, in
// the package's own files or in an imported helper's (see relpos).
type siteFiles struct {
	files *relpos.Files
}

// related returns the related information of a finding about ref: one
// entry per helper of its chain, at the call through which that helper
// passes the key on or reads it, and for a struct field the loader call.
func (s *siteFiles) related(ref envgraph.Ref) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for i, st := range ref.Steps {
		pos, ok := s.pos(st.Site)
		if !ok {
			break // the rest of the chain would read as if it began here
		}
		msg := fmt.Sprintf("passed by helper %s to %s", st.Func, st.Callee)
		if i == len(ref.Via)-1 {
			msg = fmt.Sprintf("read by helper %s via %s", st.Func, st.Callee)
		}
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: msg})
	}
	if ref.Kind == envgraph.Tag && ref.LoadPos.IsValid() && ref.LoadFunc != "" &&
		!(ref.LoadPos <= ref.Pos && ref.Pos < ref.LoadEnd) {
		out = append(out, analysis.RelatedInformation{
			Pos: ref.LoadPos, End: ref.LoadEnd,
			Message: fmt.Sprintf("field %s loaded by %s", ref.Field, ref.LoadFunc),
		})
	}
	return out
}

// pos returns the position of site in the pass's FileSet.
func (s *siteFiles) pos(site envgraph.Site) (token.Pos, bool) {
	if !site.IsValid() {
		return token.NoPos, false
	}
	return s.files.Pos(site.File, site.Line, site.Col)
}
