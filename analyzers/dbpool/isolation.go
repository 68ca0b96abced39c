package dbpool

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/passutil"
)

// compilePatterns turns ./...-style import path patterns into regexps;
// "./x/..." is taken relative to module.
func compilePatterns(pats []string, module string) []*regexpT {
	var out []*regexpT
	for _, p := range pats {
		text := p
		if rest, ok := strings.CutPrefix(p, "./"); ok && module != "" {
			p = module + "/" + rest
		} else if p == "." && module != "" {
			p = module
		}
		re := regexp.QuoteMeta(p)
		re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
		if strings.HasSuffix(re, `/.*`) {
			re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
		}
		r, err := regexp.Compile("^" + re + "$")
		if err != nil {
			continue
		}
		out = append(out, &regexpT{r, text})
	}
	return out
}

// regexpT is a compiled isolation pattern and its text.
type regexpT struct {
	*regexp.Regexp
	text string
}

func patternText(p *regexpT) string { return p.text }

// isolationPatterns returns the isolation patterns in force: the flag's,
// else (in a main package) those of the governing envvet.yaml.
func (st *state) isolationPatterns(isMain bool) []*regexpT {
	module := ""
	if st.pass.Module != nil {
		module = st.pass.Module.Path
	}
	isolate := st.c.isolate
	if len(isolate) == 0 && isMain {
		isolate = st.manifestIsolate()
	}
	return compilePatterns(isolate, module)
}

// slotIsolation reports the package variables whose users fall under
// different isolation patterns, and returns them.
func (st *state) slotIsolation(prog *program, pats []*regexpT) map[string]bool {
	out := map[string]bool{}
	if !st.c.isolation || len(pats) < 2 {
		return out
	}
	for _, k := range sortedKeys(prog.all) {
		s := prog.all[k]
		if s.Field != "" {
			continue // a field holds one pool per instance
		}
		if groups := isolationGroups(s.Users, pats); groups != "" {
			out[k] = true
			st.reportHeld(s, s.Open, s.OpenPkg, catIsolation, fmt.Sprintf("%s is shared by packages that must be isolated: %s; give each its own pool", s.Name, groups), nil)
		}
	}
	return out
}

// isolationLocal reports a pool followed to its end in this package whose
// users fall under different isolation patterns.
func (st *state) isolationLocal(v *value, prog *program, pats []*regexpT, isolated map[string]bool) {
	if !st.c.isolation {
		return
	}
	users := slices.Clone(v.f.Users)
	for _, k := range v.f.Slots {
		// A field holds many pools (one per instance): only a
		// package variable's users are this pool's users.
		if s := prog.all[k]; s != nil && s.Field == "" {
			users = addAll(users, s.Users...)
		}
		if isolated[k] {
			return
		}
	}
	if groups := isolationGroups(users, pats); groups != "" {
		st.pass.Report(analysis.Diagnostic{
			Pos: v.pos, Category: catIsolation,
			Message: fmt.Sprintf("pool opened by %s is shared by packages that must be isolated: %s; give each its own pool", v.site, groups),
		})
	}
}

// isolationHeld reports a pool that another package opened into slots,
// when its users fall under different isolation patterns.
func (st *state) isolationHeld(o heldOpen, prog *program, pats []*regexpT, isolated map[string]bool) {
	if !st.c.isolation {
		return
	}
	slot := prog.holder(o.Slots)
	if slot == nil {
		return
	}
	users := slices.Clone(o.Users)
	for _, k := range o.Slots {
		if s := prog.all[k]; s != nil && s.Field == "" {
			users = addAll(users, s.Users...)
		}
		if isolated[k] {
			return
		}
	}
	if groups := isolationGroups(users, pats); groups != "" {
		st.reportHeld(slot, o.Pos, o.pkg, catIsolation, fmt.Sprintf("pool opened by %s and kept in %s is shared by packages that must be isolated: %s; give each its own pool", o.Site, slot.Name, groups), nil)
	}
}

// isolationGroups describes how users fall under the patterns, or returns
// "" when they fall under fewer than two.
func isolationGroups(users []string, pats []*regexpT) string {
	if len(pats) < 2 {
		return ""
	}
	byPat := make([][]string, len(pats))
	n := 0
	for _, u := range users {
		for i, p := range pats {
			if p.MatchString(u) {
				if byPat[i] == nil {
					n++
				}
				byPat[i] = append(byPat[i], u)
				break
			}
		}
	}
	if n < 2 {
		return ""
	}
	var parts []string
	for i, us := range byPat {
		if us != nil {
			parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(shortNames(us), ", "), patternText(pats[i])))
		}
	}
	return strings.Join(parts, " and ")
}

// manifestIsolate returns the isolation patterns of the envvet.yaml that
// governs the main package, if any. A broken manifest is envkeys' to
// report; dbpool then runs without declared isolation.
func (st *state) manifestIsolate() []string {
	dir := passutil.PackageDir(st.pass)
	if dir == "" {
		return nil
	}
	m, err := st.c.manifests.ForDir(dir, nil)
	if err != nil || m == nil {
		return nil
	}
	return m.Isolate
}
