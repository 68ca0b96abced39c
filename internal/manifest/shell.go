package manifest

import (
	"sort"
	"strings"
)

// A srcText is a logical line of a release file (a Dockerfile instruction or
// a Makefile recipe line with its continuations joined) that remembers
// where each of its bytes came from.
type srcText struct {
	s    string
	segs []segment // by off, increasing
}

// A segment says that s[off:] starts at line:col of the file, up to the
// next segment.
type segment struct{ off, line, col int }

// add appends part, which starts at line:col of the file.
func (t *srcText) add(part string, line, col int) {
	t.segs = append(t.segs, segment{len(t.s), line, col})
	t.s += part
}

// A part is a piece of text to append, which starts at line:col of the
// file.
type part struct {
	s         string
	line, col int
}

// addParts appends parts in one copy: add's concatenation, repeated for
// each line of a long heredoc, would copy the text once per line.
func (t *srcText) addParts(parts []part) {
	n := len(t.s)
	for _, p := range parts {
		n += len(p.s)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(t.s)
	for _, p := range parts {
		t.segs = append(t.segs, segment{b.Len(), p.line, p.col})
		b.WriteString(p.s)
	}
	t.s = b.String()
}

// pos returns the line and column of the byte at off.
func (t *srcText) pos(off int) (line, col int) {
	i := sort.Search(len(t.segs), func(i int) bool { return t.segs[i].off > off }) - 1
	if i < 0 {
		return 0, 0
	}
	s := t.segs[i]
	return s.line, s.col + off - s.off
}

// A word is one shell word: its text with quotes removed and $-references
// left as written, and its offset in the srcText.s.
type word struct {
	val string
	off int
}

// shellCommands splits the shell script t.s[from:] into simple commands
// (split at ;, &, &&, |, ||, newlines, parentheses and braces), each a
// list of words. Comments are dropped. It is forgiving: an unterminated
// quote runs to the end.
func shellCommands(t *srcText, from int) [][]word {
	var cmds [][]word
	var cur []word
	s := t.s
	flush := func() {
		if len(cur) > 0 {
			cmds = append(cmds, cur)
			cur = nil
		}
	}
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\n' || strings.IndexByte(";&|(){}", c) >= 0:
			flush()
			i++
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		default:
			w, next := shellWord(s, i)
			cur = append(cur, w)
			i = next
		}
	}
	flush()
	return cmds
}

// shellWord reads the word starting at s[i].
func shellWord(s string, i int) (word, int) {
	w := word{off: i}
	var b strings.Builder
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || strings.IndexByte(";&|(){}", c) >= 0:
			w.val = b.String()
			return w, i
		case c == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i += 2
		case c == '$' && i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '{'):
			end := matching(s, i+1)
			b.WriteString(s[i:end])
			i = end
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				end = len(s) - i - 1
			}
			b.WriteString(s[i+1 : i+1+end])
			i += end + 2
		case c == '"':
			i++
			for i < len(s) && s[i] != '"' {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				b.WriteByte(s[i])
				i++
			}
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	w.val = b.String()
	return w, min(i, len(s))
}

// matching returns the offset just after the parenthesis or brace that
// closes the one at s[open], or len(s).
func matching(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(', '{':
			depth++
		case ')', '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// A setting is the value a variable has, and where it was set.
type setting struct {
	val       string
	file      string
	line, col int
}

// A buildRun is one go build (go install, make) command of a release
// file, with the CGO_ENABLED it runs with; set is false when nothing in
// the file sets it.
type buildRun struct {
	cgo setting
	set bool
	at  setting // the build command's position (val unused)
}

// shellBuilds returns the build commands of the script t.s[from:], run
// in the environment env (exported variables, keyed by name), which
// export and VAR=value commands of the script update. expand resolves a
// word's $-references.
func shellBuilds(t *srcText, from int, file string, env map[string]setting, expand func(string) (string, bool)) []buildRun {
	env = cloneEnv(env)
	var out []buildRun
	for _, cmd := range shellCommands(t, from) {
		local := make(map[string]setting)
		i := assignments(t, file, cmd, local, expand)
		if i == len(cmd) {
			for name, s := range local {
				if _, exported := env[name]; exported {
					env[name] = s // a plain assignment updates an exported variable
				}
			}
			continue
		}
		switch cmd[i].val {
		case "export":
			assignments(t, file, cmd[i+1:], env, expand)
			continue
		case "env":
			i++
			for i < len(cmd) && strings.HasPrefix(cmd[i].val, "-") {
				i++
			}
			i += assignments(t, file, cmd[i:], local, expand)
		}
		build, isMake := isBuild(cmd[i:])
		if !build {
			continue
		}
		s, ok := local["CGO_ENABLED"]
		if !ok {
			s, ok = env["CGO_ENABLED"]
		}
		if ok || !isMake { // make without CGO_ENABLED: its Makefile decides
			at := setting{file: file}
			at.line, at.col = t.pos(cmd[i].off)
			out = append(out, buildRun{cgo: s, set: ok, at: at})
		}
	}
	return out
}

// assignments reads the NAME=value words at the start of cmd into vars,
// and returns how many there are.
func assignments(t *srcText, file string, cmd []word, vars map[string]setting, expand func(string) (string, bool)) int {
	for i, w := range cmd {
		name, val, ok := strings.Cut(w.val, "=")
		if !ok || !validName(name) {
			return i
		}
		s := setting{file: file}
		s.line, s.col = t.pos(w.off)
		if v, ok := expand(val); ok {
			s.val = v
		} else {
			s.val = "$?" // not known statically
		}
		vars[name] = s
	}
	return len(cmd)
}

// isBuild reports whether cmd builds the program: go build, go install
// of a local package (not go install pkg@version, which installs a tool),
// or make (isMake).
func isBuild(cmd []word) (build, isMake bool) {
	if len(cmd) == 0 {
		return false, false
	}
	switch name := cmd[0].val[strings.LastIndexByte(cmd[0].val, '/')+1:]; name {
	case "make", "gmake":
		return true, true
	case "go":
		for i, w := range cmd[1:] {
			if strings.HasPrefix(w.val, "-") {
				continue // go -C dir build is rare; flags before the verb are skipped
			}
			switch w.val {
			case "build":
				return true, false
			case "install":
				for _, a := range cmd[i+2:] {
					if strings.Contains(a.val, "@") {
						return false, false
					}
				}
				return true, false
			}
			return false, false
		}
	}
	return false, false
}

func cloneEnv(env map[string]setting) map[string]setting {
	out := make(map[string]setting, len(env))
	for k, v := range env {
		out[k] = v
	}
	return out
}

// expandVars replaces $NAME, ${NAME} and ${NAME:-default} (and, with
// parens, $(NAME) as in make) in s by their values in vars. It returns
// false when a reference names an unknown variable or has another form.
func expandVars(s string, vars func(string) (string, bool), parens bool) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		open, close := s[i+1], byte(0)
		switch {
		case open == '{':
			close = '}'
		case open == '(' && parens:
			close = ')'
		case open == '$' && parens:
			b.WriteByte('$') // make's $$
			i++
			continue
		}
		var ref string
		if close != 0 {
			end := strings.IndexByte(s[i+2:], close)
			if end < 0 {
				return "", false
			}
			ref, i = s[i+2:i+2+end], i+2+end
		} else {
			j := i + 1
			for j < len(s) && isNameByte(s[j], false) {
				j++
			}
			ref, i = s[i+1:j], j-1
		}
		name, def, hasDef := strings.Cut(ref, ":-")
		if !validName(name) {
			return "", false
		}
		v, ok := vars(name)
		switch {
		case ok && (v != "" || !hasDef):
			b.WriteString(v)
		case hasDef:
			b.WriteString(def)
		default:
			return "", false
		}
	}
	return b.String(), true
}
