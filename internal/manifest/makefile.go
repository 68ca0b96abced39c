package manifest

import (
	"regexp"
	"strings"
	"sync"
)

// makeAssignRE matches a variable assignment of a Makefile:
// [export|override] NAME [:]:= | ::= | ?= | += | = value.
var makeAssignRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(export|override)\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*(::?:?=|\?=|\+=|!=|=)\s*(.*)$`)
})

// makeVar is one variable of a Makefile.
type makeVar struct {
	s        setting
	exported bool
}

// parseMakefile parses a Makefile for the build variable CGO_ENABLED: the
// value that recipe lines running go build (or make) see, through an
// inline CGO_ENABLED=0 or an exported variable (export CGO_ENABLED=0,
// export CGO_ENABLED ?= 0, or CGO_ENABLED ?= 0 and export CGO_ENABLED).
// Recipes that disagree set no policy. Comments, conditionals and
// includes are not interpreted: every line counts.
func parseMakefile(file string, data []byte) (build []Key, err error) {
	vars := make(map[string]*makeVar)
	type recipe struct {
		t    srcText
		line int
	}
	var recipes []recipe
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		var t srcText
		start := i
		for {
			l := strings.TrimSuffix(lines[i], "\r")
			part, more := cutContinuation(l, '\\')
			t.add(part, i+1, 1)
			if !more || i+1 == len(lines) {
				break
			}
			t.add(" ", i+1, len(part)+1)
			i++
		}
		if strings.HasPrefix(t.s, "\t") {
			recipes = append(recipes, recipe{t, start + 1})
			continue
		}
		makeLine(file, &t, vars)
	}
	expand := func(s string) (string, bool) {
		return expandVars(s, func(name string) (string, bool) {
			v, ok := vars[name]
			if !ok {
				return "", false
			}
			return v.s.val, true
		}, true)
	}
	env := make(map[string]setting)
	for name, v := range vars {
		if v.exported {
			env[name] = v.s
		}
	}
	var runs []buildRun
	for _, r := range recipes {
		from := len(r.t.s) - len(strings.TrimLeft(r.t.s, "\t @-+"))
		runs = append(runs, shellBuilds(&r.t, from, file, env, expand)...)
	}
	if k, ok := agreedCGO(runs); ok {
		return []Key{k}, nil
	}
	return nil, nil
}

// makeLine reads a variable assignment or export directive into vars.
func makeLine(file string, t *srcText, vars map[string]*makeVar) {
	line := t.s
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if rest, ok := strings.CutPrefix(line, "export "); ok && !strings.ContainsAny(rest, "=:") {
		for _, name := range strings.Fields(rest) {
			if v, ok := vars[name]; ok {
				v.exported = true
			} else {
				vars[name] = &makeVar{exported: true, s: setting{val: "$?", file: file}}
			}
		}
		return
	}
	m := makeAssignRE().FindStringSubmatch(line)
	if m == nil {
		return
	}
	name, op, val := m[2], m[3], strings.TrimSpace(m[4])
	v, ok := vars[name]
	if !ok {
		v = &makeVar{}
		vars[name] = v
	} else if op == "?=" {
		return // already set
	}
	v.exported = v.exported || m[1] == "export"
	v.s = setting{val: val, file: file}
	if op == "+=" || op == "!=" || strings.Contains(val, "$") {
		v.s.val = "$?" // not known statically (expansion is left to the use)
	}
	off := strings.Index(t.s, name)
	v.s.line, v.s.col = t.pos(max(off, 0))
}
