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
	seen := make(map[string]int) // name → line
	var comments []string        // full-line comments directly above the current line
	for i := 0; i < len(lines); i++ {
		line, lineNo := lines[i], i+1
		text := strings.TrimLeft(line, " \t")
		col := len(line) - len(text) + 1
		switch {
		case text == "":
			comments = nil
			continue
		case text[0] == '#':
			switch c := strings.TrimSpace(text[1:]); {
			case looksLikeAssignment(c):
				comments = nil // a commented-out key describes nothing
			case c != "":
				comments = append(comments, c)
			}
			continue
		}
		if rest, ok := strings.CutPrefix(text, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			trimmed := strings.TrimLeft(rest, " \t")
			col += len(text) - len(trimmed)
			text = trimmed
		}
		eq := strings.IndexByte(text, '=')
		if c := strings.IndexByte(text, ':'); envFile && c >= 0 && (eq < 0 || c < eq) && validName(text[:c]) {
			// KEY: value, which Compose (and godotenv) accept.
			text = text[:c] + "=" + strings.TrimLeft(text[c+1:], " \t")
			eq = c
		}
		if eq < 0 && envFile {
			if name := strings.TrimSpace(text); validName(name) {
				text, eq = name+"=", len(name)
			}
		}
		if eq < 0 {
			if name := strings.TrimSpace(text); validName(name) {
				return nil, nil, errorf(file, lineNo, col, "expected KEY=value, found only the name %s (write %s= to declare a key with no value)", name, name)
			}
			return nil, nil, errorf(file, lineNo, col, "expected KEY=value, found %q", clip(text))
		}
		name := strings.TrimRight(text[:eq], " \t")
		if !validName(name) {
			return nil, nil, errorf(file, lineNo, col, "invalid key name %q (want letters, digits and _, not starting with a digit)", clip(name))
		}
		raw := text[eq+1:]
		value, comment := "", ""
		if v := strings.TrimLeft(raw, " \t"); v != "" && (v[0] == '"' || v[0] == '\'') {
			// Quoted, possibly over several lines.
			quote := v[0]
			body := v[1:]
			for {
				end, val, ok := closeQuote(body, quote)
				if ok {
					value = val
					after := strings.TrimSpace(body[end+1:])
					if after != "" && after[0] != '#' {
						return nil, nil, errorf(file, i+1, 0, "unexpected %q after the closing quote of %s's value", clip(after), name)
					}
					if after != "" {
						comment = strings.TrimSpace(after[1:])
					}
					break
				}
				if i+1 >= len(lines) {
					return nil, nil, errorf(file, lineNo, col, "unterminated quoted value of %s", name)
				}
				i++
				body += "\n" + lines[i]
			}
		} else {
			for j := 1; j < len(raw); j++ {
				if raw[j] == '#' && (raw[j-1] == ' ' || raw[j-1] == '\t') {
					comment = strings.TrimSpace(raw[j+1:])
					raw = raw[:j]
					break
				}
			}
			value = strings.TrimSpace(raw)
		}
		if first, dup := seen[name]; dup {
			return nil, nil, errorf(file, lineNo, col, "duplicate key %s (first declared on line %d)", name, first)
		}
		seen[name] = lineNo
		k := Key{
			Name:       name,
			File:       file,
			Line:       lineNo,
			Col:        col,
			Default:    value,
			HasDefault: value != "",
			Origin:     Origin{Kind: OriginDotenv},
		}
		if envFile {
			k.Origin.Kind = OriginEnvFile
		}
		if len(comments) > 0 {
			k.Description = strings.Join(comments, " ")
		} else {
			k.Description = comment
		}
		comments = nil
		if IsBuildVar(name) && !envFile {
			build = append(build, k)
		} else {
			keys = append(keys, k)
		}
	}
	return keys, build, nil
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
