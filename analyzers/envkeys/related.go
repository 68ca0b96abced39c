package envkeys

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// siteFiles turns the sites of a pass's references into positions: in the
// package's own files directly, in other Go files (an imported helper's)
// by adding the file to the pass's FileSet, as reportUnread does for
// manifests. A site whose file is gone or no longer has that line and
// column yields nothing.
type siteFiles struct {
	pass  *analysis.Pass
	added map[string]*token.File // by file name; nil entries for unreadable files
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
	if pos, ok := site.Resolve(s.pass.Fset, s.pass.Files); ok {
		return pos, true
	}
	if !site.IsValid() || !strings.HasSuffix(site.File, ".go") {
		return token.NoPos, false
	}
	tf, ok := s.added[site.File]
	if !ok {
		tf = addFile(s.pass.Fset, site.File)
		if s.added == nil {
			s.added = make(map[string]*token.File)
		}
		s.added[site.File] = tf
	}
	return envgraph.PosIn(tf, site.Line, site.Col)
}
