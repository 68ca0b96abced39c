package dbpool

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// reportShared reports the package variables holding a pool that
// functions of two or more other packages read (rule "shared"). The
// finding names the packages; each package's first read is related
// information.
func (st *state) reportShared(prog *program) {
	if !st.c.shared {
		return
	}
	for _, k := range sortedKeys(prog.all) {
		s := prog.all[k]
		if s.Field != "" {
			continue
		}
		var others []string
		for _, p := range prog.reach[k] {
			if p != s.PkgPath {
				others = append(others, p)
			}
		}
		if len(others) < 2 {
			continue
		}
		limit := ""
		if s.Limited && s.Max > 0 {
			limit = fmt.Sprintf(" (max %d open)", s.Max)
		}
		var related []analysis.RelatedInformation
		for i, p := range others {
			if pos, ok := st.rel.PosString(prog.useAt[k][p]); ok && st.inModule(p) {
				related = append(related, analysis.RelatedInformation{
					Pos: pos, Message: fmt.Sprintf("package %s uses %s here", shortName(others, i), s.Name),
				})
			}
		}
		st.reportHeld(s, s.Open, s.OpenPkg, catShared, fmt.Sprintf("%s%s is shared by %d packages: %s; one slow package starves the others",
			s.Name, limit, len(others), strings.Join(shortNames(others), ", ")), related)
	}
}
