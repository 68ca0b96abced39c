package manifest

import (
	"slices"
	"strings"
)

// buildVars are the variables that configure the go command and the C
// toolchain rather than the program; in a dotenv file they are build
// variables (Manifest.Build), not runtime keys. Keep sorted.
var buildVars = []string{
	"AR",
	"CC",
	"CGO_CFLAGS",
	"CGO_CPPFLAGS",
	"CGO_CXXFLAGS",
	"CGO_ENABLED",
	"CGO_FFLAGS",
	"CGO_LDFLAGS",
	"CXX",
	"GO111MODULE",
	"GO386",
	"GOAMD64",
	"GOARCH",
	"GOARM",
	"GOARM64",
	"GOEXPERIMENT",
	"GOFIPS140",
	"GOFLAGS",
	"GOINSECURE",
	"GOMIPS",
	"GOMIPS64",
	"GONOPROXY",
	"GONOSUMDB",
	"GOOS",
	"GOPPC64",
	"GOPRIVATE",
	"GOPROXY",
	"GORISCV64",
	"GOSUMDB",
	"GOTOOLCHAIN",
	"GOWASM",
	"GOWORK",
	"PKG_CONFIG",
}

// IsBuildVar reports whether name is one of the well-known build
// variables that a dotenv manifest files under Manifest.Build.
func IsBuildVar(name string) bool {
	_, ok := slices.BinarySearch(buildVars, name)
	return ok
}

// parseDotenv parses a dotenv file; see the package documentation for
// the syntax. A Compose env_file (envFile) may also hold a bare name (the
// key passed from the host) and KEY: value lines, and all its keys are
// runtime keys.
func parseDotenv(file string, data []byte, envFile bool) (keys, build []Key, err error) {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	p := &dotenvParser{file: file, envFile: envFile, lines: lines, seen: make(map[string]int)}
	for ; p.i < len(p.lines); p.i++ {
		if err := p.line(); err != nil {
			return nil, nil, err
		}
	}
	return p.keys, p.build, nil
}

// dotenvParser is the state of parseDotenv, one line at a time.
type dotenvParser struct {
	file     string
	envFile  bool
	lines    []string
	i        int            // index of the current line; a quoted value moves it on
	seen     map[string]int // name → its index in keys or build
	comments []string       // full-line comments directly above the current line
	keys     []Key
	build    []Key
}

// line parses the current line, and the lines a quoted value continues on.
func (p *dotenvParser) line() error {
	line, lineNo := p.lines[p.i], p.i+1
	text := strings.TrimLeft(line, " \t")
	col := len(line) - len(text) + 1
	if p.blankOrComment(text) {
		return nil
	}
	if rest, ok := strings.CutPrefix(text, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
		trimmed := strings.TrimLeft(rest, " \t")
		col += len(text) - len(trimmed)
		text = trimmed
	}
	name, raw, err := p.assignment(text, lineNo, col)
	if err != nil {
		return err
	}
	value, comment, err := p.value(name, raw, lineNo, col)
	if err != nil {
		return err
	}
	p.add(name, value, comment, lineNo, col)
	return nil
}

// blankOrComment reports whether text (a line without its indentation)
// declares nothing, and keeps the comments that describe the next key.
func (p *dotenvParser) blankOrComment(text string) bool {
	switch {
	case text == "":
		p.comments = nil
		return true
	case text[0] == '#':
		switch c := strings.TrimSpace(text[1:]); {
		case looksLikeAssignment(c):
			p.comments = nil // a commented-out key describes nothing
		case c != "":
			p.comments = append(p.comments, c)
		}
		return true
	}
	return false
}

// assignment splits text into the key's name and the raw text after '='.
func (p *dotenvParser) assignment(text string, lineNo, col int) (name, raw string, err error) {
	eq := strings.IndexByte(text, '=')
	if c := strings.IndexByte(text, ':'); p.envFile && c >= 0 && (eq < 0 || c < eq) && validName(text[:c]) {
		// KEY: value, which Compose (and godotenv) accept.
		text = text[:c] + "=" + strings.TrimLeft(text[c+1:], " \t")
		eq = c
	}
	if eq < 0 && p.envFile {
		if name := strings.TrimSpace(text); validName(name) {
			text, eq = name+"=", len(name)
		}
	}
	if eq < 0 {
		if name := strings.TrimSpace(text); validName(name) {
			return "", "", errorf(p.file, lineNo, col, "expected KEY=value, found only the name %s (write %s= to declare a key with no value)", name, name)
		}
		return "", "", errorf(p.file, lineNo, col, "expected KEY=value, found %q", clip(text))
	}
	name = strings.TrimRight(text[:eq], " \t")
	if !validName(name) {
		return "", "", errorf(p.file, lineNo, col, "invalid key name %q (want letters, digits and _, not starting with a digit)", clip(name))
	}
	return name, text[eq+1:], nil
}

// value reads name's value from raw, and its trailing comment. A quoted
// value may continue on the next lines, which it consumes.
func (p *dotenvParser) value(name, raw string, lineNo, col int) (value, comment string, err error) {
	v := strings.TrimLeft(raw, " \t")
	if v == "" || (v[0] != '"' && v[0] != '\'') {
		for j := 1; j < len(raw); j++ {
			if raw[j] == '#' && (raw[j-1] == ' ' || raw[j-1] == '\t') {
				comment = strings.TrimSpace(raw[j+1:])
				raw = raw[:j]
				break
			}
		}
		return strings.TrimSpace(raw), comment, nil
	}
	quote, body := v[0], v[1:]
	for {
		end, val, ok := closeQuote(body, quote)
		if ok {
			after := strings.TrimSpace(body[end+1:])
			if after != "" && after[0] != '#' {
				return "", "", errorf(p.file, p.i+1, 0, "unexpected %q after the closing quote of %s's value", clip(after), name)
			}
			if after != "" {
				comment = strings.TrimSpace(after[1:])
			}
			return val, comment, nil
		}
		if p.i+1 >= len(p.lines) {
			return "", "", errorf(p.file, lineNo, col, "unterminated quoted value of %s", name)
		}
		p.i++
		body += "\n" + p.lines[p.i]
	}
}

// add files the key declared on lineNo, described by the comments above
// it or else by its trailing comment.
func (p *dotenvParser) add(name, value, comment string, lineNo, col int) {
	k := Key{
		Name:       name,
		File:       p.file,
		Line:       lineNo,
		Col:        col,
		Default:    value,
		HasDefault: value != "",
		Origin:     Origin{Kind: OriginDotenv},
	}
	if p.envFile {
		k.Origin.Kind = OriginEnvFile
	}
	if len(p.comments) > 0 {
		k.Description = strings.Join(p.comments, " ")
	} else {
		k.Description = comment
	}
	p.comments = nil
	list := &p.keys
	if IsBuildVar(name) && !p.envFile {
		list = &p.build
	}
	// A name declared again takes the earlier declaration's place: the
	// later value is the one Compose, docker --env-file and godotenv
	// use. The earlier one goes last, where Load files it as Shadowed.
	if i, dup := p.seen[name]; dup {
		k, (*list)[i] = (*list)[i], k
	} else {
		p.seen[name] = len(*list)
	}
	*list = append(*list, k)
}

// looksLikeAssignment reports whether a comment's text is a commented-out
// declaration such as "SENTRY_DSN=" or "export A=1".
func looksLikeAssignment(c string) bool {
	if rest, ok := strings.CutPrefix(c, "export "); ok {
		c = strings.TrimLeft(rest, " \t")
	}
	name, _, ok := strings.Cut(c, "=")
	return ok && validName(strings.TrimRight(name, " \t"))
}

// closeQuote finds the closing quote in s, the text after an opening
// quote. It returns the closing quote's index and the unescaped value.
// In double quotes, \n \r \t \" \\ and \$ are escapes; other backslashes
// are kept. Single quotes have no escapes, but \' does not close them
// (it stays \' in the value, as in godotenv).
func closeQuote(s string, quote byte) (end int, value string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote:
			return i, b.String(), true
		case c == '\\' && quote == '\'' && i+1 < len(s) && s[i+1] == '\'':
			// As in godotenv, \' does not end a single-quoted value
			// and keeps its backslash.
			b.WriteString(`\'`)
			i++
		case c == '\\' && quote == '"' && i+1 < len(s):
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '"', '\\', '$':
				b.WriteByte(s[i])
			default:
				b.WriteByte('\\')
				b.WriteByte(s[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return 0, "", false
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 40
	if len(s) > max {
		r := []rune(s)
		if len(r) > max {
			return string(r[:max]) + "…"
		}
	}
	return s
}
