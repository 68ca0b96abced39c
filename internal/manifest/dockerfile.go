package manifest

import (
	"regexp"
	"strings"
	"sync"
)

// dockerInstructions are the instructions of the Dockerfile reference,
// built on first use: go vet starts a process per package, and most never
// read a Dockerfile.
var dockerInstructions = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"ADD": true, "ARG": true, "CMD": true, "COPY": true, "ENTRYPOINT": true,
		"ENV": true, "EXPOSE": true, "FROM": true, "HEALTHCHECK": true, "LABEL": true,
		"MAINTAINER": true, "ONBUILD": true, "RUN": true, "SHELL": true,
		"STOPSIGNAL": true, "USER": true, "VOLUME": true, "WORKDIR": true,
	}
})

// An instruction is one Dockerfile instruction, continuations joined.
type instruction struct {
	cmd  string  // upper case
	line int     // of the keyword
	t    srcText // the whole instruction; its arguments start at args
	args int
}

// A stage is one FROM of a Dockerfile and what it has set so far.
type stage struct {
	name string
	env  map[string]setting // ENV, inherited from a parent stage
	args map[string]setting // ARG of this stage
	keys []Key              // ENV declarations, inherited ones first
	refs map[string]bool    // names its instructions expand (dockerrefs.go)

	entrypoint, cmd []string // the exec forms of ENTRYPOINT and CMD, inherited too
	cmdSet          bool     // a CMD of this stage
}

// dockerfile is the state of parseDockerfile.
type dockerfile struct {
	file    string
	global  map[string]setting // ARG before the first FROM
	stages  []*stage
	builds  []buildRun
	heredoc *regexp.Regexp
}

// parseDockerfile parses a Dockerfile (or Containerfile). Its build
// variables are CGO_ENABLED as the stages that run go build (or make)
// set it, when they agree; its runtime keys are the ENV variables of the
// final stage.
func parseDockerfile(file string, data []byte) (keys, build []Key, err error) {
	d := &dockerfile{file: file, global: map[string]setting{}}
	ins, err := d.instructions(data)
	if err != nil {
		return nil, nil, err
	}
	for _, in := range ins {
		if err := d.instruction(in); err != nil {
			return nil, nil, err
		}
	}
	if len(d.stages) > 0 {
		last := d.stages[len(d.stages)-1]
		commandRefs(last)
		for _, k := range last.keys {
			if !IsBuildVar(k.Name) {
				k.Expanded = last.refs[k.Name]
				keys = append(keys, k)
			}
		}
	}
	if k, ok := agreedCGO(d.builds); ok {
		build = []Key{k}
	}
	return keys, build, nil
}

// agreedCGO returns CGO_ENABLED as the builds set it. When they all set
// it to the same value known statically, the Key has that value (and the
// position of the first setting); when they disagree, a value is not
// known, or a go build leaves it to the toolchain's default (cgo on where
// a C compiler is), the Key has no value (HasDefault is false), so that
// no policy follows from the file nor from other release files. With no
// build at all, there is no Key.
func agreedCGO(builds []buildRun) (Key, bool) {
	if len(builds) == 0 {
		return Key{}, false
	}
	first, at := builds[0].cgo, builds[0].at
	unknown := Key{Name: "CGO_ENABLED", File: at.file, Line: at.line, Col: at.col}
	for _, b := range builds {
		if !b.set || strings.HasPrefix(b.cgo.val, "$?") || strings.TrimSpace(b.cgo.val) != strings.TrimSpace(first.val) {
			return unknown, true
		}
	}
	return Key{Name: "CGO_ENABLED", File: first.file, Line: first.line, Col: first.col, Default: first.val, HasDefault: first.val != ""}, true
}

var heredocRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|\s)<<(-?)\s*(?:"([A-Za-z0-9_]+)"|'([A-Za-z0-9_]+)'|([A-Za-z0-9_]+))`)
})

// instructions splits data into instructions: comment and blank lines
// are skipped (within continuations too), lines ending in the escape
// character continue on the next, and heredocs (RUN <<EOF) are joined to
// their instruction.
func (d *dockerfile) instructions(data []byte) ([]instruction, error) {
	lines := strings.Split(string(data), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	escape := directiveEscape(lines)
	var out []instruction
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimLeft(lines[i], " \t")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		in := instruction{line: i + 1}
		col := len(lines[i]) - len(trimmed) + 1
		for {
			part, more := cutContinuation(trimmed, escape)
			in.t.add(part, i+1, col)
			if !more {
				break
			}
			in.t.add(" ", i+1, col+len(part))
			for i++; i < len(lines); i++ {
				trimmed = strings.TrimLeft(lines[i], " \t")
				if trimmed != "" && trimmed[0] != '#' {
					break
				}
			}
			if i == len(lines) {
				break // a continuation at the end of the file ends the instruction
			}
			col = len(lines[i]) - len(trimmed) + 1
		}
		kw, _, _ := strings.Cut(strings.TrimSpace(in.t.s), " ")
		kw, _, _ = strings.Cut(kw, "\t")
		in.cmd = strings.ToUpper(kw)
		if !dockerInstructions()[in.cmd] {
			return nil, errorf(d.file, in.line, col, "unknown instruction %q", clip(kw))
		}
		in.args = strings.Index(in.t.s, kw) + len(kw)
		var err error
		if i, err = d.heredocs(&in, lines, i); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// cutContinuation removes a trailing escape character (and the blanks
// after it) from line, and reports whether there was one.
func cutContinuation(line string, escape byte) (string, bool) {
	t := strings.TrimRight(line, " \t")
	if strings.HasSuffix(t, string(escape)) && !strings.HasSuffix(t, string([]byte{escape, escape})) {
		return t[:len(t)-1], true
	}
	return line, false
}

// directiveEscape returns the escape character that a "# escape=`"
// parser directive at the top of the file sets, or '\\'.
func directiveEscape(lines []string) byte {
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "#") {
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(l[1:]), "=")
		if !ok {
			break
		}
		if strings.EqualFold(strings.TrimSpace(k), "escape") && strings.TrimSpace(v) == "`" {
			return '`'
		}
	}
	return '\\'
}

// heredocs appends to in the bodies of the heredocs it opens (lines
// after i), and returns the index of the last line consumed.
func (d *dockerfile) heredocs(in *instruction, lines []string, i int) (int, error) {
	if in.cmd != "RUN" && in.cmd != "COPY" && in.cmd != "ADD" {
		return i, nil
	}
	var parts []part
	for _, m := range heredocRE().FindAllStringSubmatch(in.t.s[in.args:], -1) {
		delim := m[2] + m[3] + m[4]
		start := i + 1
		for i++; ; i++ {
			if i == len(lines) {
				return i, errorf(d.file, start, 0, "heredoc %s is not terminated", delim)
			}
			body := lines[i]
			if m[1] == "-" {
				body = strings.TrimLeft(body, "\t")
			}
			if body == delim {
				break
			}
			if in.cmd == "RUN" {
				parts = append(parts, part{"\n", i, len(lines[i-1]) + 1}, part{lines[i], i + 1, 1})
			}
		}
	}
	in.t.addParts(parts)
	return i, nil
}

// instruction applies one instruction to the current stage.
func (d *dockerfile) instruction(in instruction) error {
	var st *stage
	if len(d.stages) > 0 {
		st = d.stages[len(d.stages)-1]
	}
	switch {
	case in.cmd == "FROM":
		return d.from(in)
	case in.cmd == "ARG":
		return d.arg(in, st)
	case st == nil:
		line, col := in.t.pos(0)
		return errorf(d.file, line, col, "%s before the first FROM", in.cmd)
	}
	argv := instructionRefs(in, st.refs)
	switch in.cmd {
	case "ENTRYPOINT", "CMD":
		st.setCommand(in.cmd, argv)
	case "ENV":
		return d.env(in, st)
	case "RUN":
		d.run(in, st)
	}
	return nil
}

func (d *dockerfile) from(in instruction) error {
	words := argWords(in)
	for len(words) > 0 && strings.HasPrefix(words[0].val, "--") {
		words = words[1:]
	}
	if len(words) == 0 {
		line, col := in.t.pos(0)
		return errorf(d.file, line, col, "FROM needs an image")
	}
	st := &stage{env: map[string]setting{}, args: map[string]setting{}, refs: map[string]bool{}}
	if len(words) >= 3 && strings.EqualFold(words[1].val, "AS") {
		st.name = strings.ToLower(words[2].val)
	}
	for _, p := range d.stages {
		if p.name != "" && p.name == strings.ToLower(words[0].val) {
			st.env = cloneEnv(p.env)
			st.keys = append([]Key(nil), p.keys...)
			for name := range p.refs {
				st.refs[name] = true
			}
			st.entrypoint, st.cmd = p.entrypoint, p.cmd
		}
	}
	d.stages = append(d.stages, st)
	return nil
}

// argWords returns the words of in's arguments.
func argWords(in instruction) []word {
	var out []word
	for _, cmd := range shellCommands(&in.t, in.args) {
		out = append(out, cmd...)
	}
	return out
}

func (d *dockerfile) arg(in instruction, st *stage) error {
	words := argWords(in)
	if len(words) == 0 {
		line, col := in.t.pos(0)
		return errorf(d.file, line, col, "ARG needs a name")
	}
	for _, w := range words {
		name, val, hasVal := strings.Cut(w.val, "=")
		if !validName(name) {
			line, col := in.t.pos(w.off)
			return errorf(d.file, line, col, "ARG: invalid name %q", clip(name))
		}
		s := setting{file: d.file}
		s.line, s.col = in.t.pos(w.off)
		switch {
		case st == nil:
			if hasVal {
				s.val = d.expand(val, nil)
				d.global[name] = s
			}
		case hasVal:
			s.val = d.expand(val, st)
			st.args[name] = s
		default:
			if g, ok := d.global[name]; ok {
				st.args[name] = g
			}
		}
	}
	return nil
}

// expand resolves the $-references of an ENV or ARG value in the stage
// (nil: the global scope); "$?" stands for a value not known statically.
func (d *dockerfile) expand(val string, st *stage) string {
	v, ok := expandVars(val, func(name string) (string, bool) {
		if st != nil {
			if s, ok := st.env[name]; ok {
				return s.val, true
			}
			if s, ok := st.args[name]; ok {
				return s.val, true
			}
			return "", false
		}
		s, ok := d.global[name]
		return s.val, ok
	}, false)
	if !ok {
		return "$?"
	}
	return v
}

func (d *dockerfile) env(in instruction, st *stage) error {
	words := argWords(in)
	if len(words) == 0 {
		line, col := in.t.pos(0)
		return errorf(d.file, line, col, "ENV needs a name and a value")
	}
	if !strings.Contains(words[0].val, "=") {
		// The legacy form ENV NAME value: the value is the rest.
		rest := strings.TrimSpace(in.t.s[words[0].off+len(words[0].val):])
		words = []word{{val: words[0].val + "=" + rest, off: words[0].off}}
	}
	for _, w := range words {
		name, val, ok := strings.Cut(w.val, "=")
		line, col := in.t.pos(w.off)
		if !ok || !validName(name) {
			return errorf(d.file, line, col, "ENV: %q is not NAME=value", clip(w.val))
		}
		s := setting{file: d.file, val: d.expand(val, st), line: line, col: col}
		st.env[name] = s
		k := Key{Name: name, File: d.file, Line: line, Col: col, Origin: Origin{Kind: OriginDockerfile}}
		if s.val != "" && s.val != "$?" {
			k.Default, k.HasDefault = s.val, true
		}
		st.keys = append(st.keys, k)
	}
	return nil
}

// afterFlags returns the offset in in.t.s after the flags (--mount=...,
// --network=none) that start at from: where a RUN's command begins.
func (in instruction) afterFlags(from int) int {
	for {
		rest := strings.TrimLeft(in.t.s[from:], " \t")
		if !strings.HasPrefix(rest, "--") {
			return from
		}
		_, from = shellWord(in.t.s, len(in.t.s)-len(rest))
	}
}

func (d *dockerfile) run(in instruction, st *stage) {
	vars := cloneEnv(st.args)
	for k, v := range st.env {
		vars[k] = v
	}
	expand := func(s string) (string, bool) {
		return expandVars(s, func(name string) (string, bool) {
			v, ok := vars[name]
			return v.val, ok
		}, false)
	}
	from := in.afterFlags(in.args)
	if argv, ok := execForm(in.t.s[from:]); ok {
		words := make([]word, len(argv))
		for i, a := range argv {
			words[i] = word{val: a, off: from}
		}
		if build, isMake := isBuild(words); build {
			if s, ok := vars["CGO_ENABLED"]; ok || !isMake {
				at := setting{file: d.file}
				at.line, at.col = in.t.pos(from)
				d.builds = append(d.builds, buildRun{cgo: s, set: ok, at: at})
			}
		}
		return
	}
	d.builds = append(d.builds, shellBuilds(&in.t, from, d.file, vars, expand)...)
}
