package manifest

import (
	"encoding/json"
	"path"
	"strings"
)

// The keys a Dockerfile uses itself. A final stage's ENV key that an
// instruction of the stage refers to is Expanded, as a Kubernetes key is
// that a container's command refers to: the deployment reads it, whether
// or not the program does. So is riverui's PATH_PREFIX:
//
//	ENV PATH_PREFIX="/"
//	CMD ["/bin/sh", "-c", "/bin/riverui -prefix=$PATH_PREFIX"]
//
// The shell expands the shell form of RUN, CMD, ENTRYPOINT and
// HEALTHCHECK CMD when the container runs; the exec form (a JSON array)
// is not expanded, unless it runs a shell with -c, whose script is. The
// other instructions (ENV, WORKDIR, COPY, LABEL, ...) are expanded by the
// build. Single quotes and a backslash before $ keep a $ literal.

// execForm reports whether args (an instruction's arguments) is the exec
// form, and then returns its argv.
func execForm(args string) ([]string, bool) {
	args = strings.TrimSpace(args)
	if !strings.HasPrefix(args, "[") {
		return nil, false
	}
	var argv []string
	if json.Unmarshal([]byte(args), &argv) != nil {
		return nil, false
	}
	return argv, true
}

// shellScripts returns what a shell expands in an exec-form argv: the
// arguments after -c when argv[0] is a shell, else nothing.
func shellScripts(argv []string) []string {
	if len(argv) == 0 {
		return nil
	}
	switch path.Base(argv[0]) {
	case "sh", "bash", "ash", "dash", "zsh", "ksh":
	default:
		return nil
	}
	for i, a := range argv[1:] {
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "c") {
			return argv[i+2:]
		}
	}
	return nil
}

// instructionRefs adds to refs the names that in expands: at run time for
// the commands (RUN, CMD, ENTRYPOINT, HEALTHCHECK), at build time for the
// others. FROM and ARG refer to build arguments, not to ENV keys.
func instructionRefs(in instruction, refs map[string]bool) {
	args := in.t.s[in.args:]
	switch in.cmd {
	case "FROM", "ARG":
		return
	case "HEALTHCHECK":
		i := strings.Index(strings.ToUpper(args), "CMD")
		if i < 0 {
			return // HEALTHCHECK NONE
		}
		args = args[i+len("CMD"):]
		fallthrough
	case "RUN", "CMD", "ENTRYPOINT":
		for strings.HasPrefix(strings.TrimSpace(args), "--") { // RUN --mount=...
			args = strings.TrimSpace(args)
			_, rest, _ := strings.Cut(args, " ")
			args = rest
		}
		if argv, ok := execForm(args); ok {
			for _, s := range shellScripts(argv) {
				shellRefs(s, refs)
			}
			return
		}
	}
	shellRefs(args, refs)
}

// shellRefs adds to refs the names of the $NAME and ${NAME...}
// references in s, outside single quotes and not escaped.
func shellRefs(s string, refs map[string]bool) {
	quoted := false // inside '...'
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '$' && i+1 < len(s):
			j := i + 1
			if s[j] == '{' {
				j++
			}
			k := j
			for k < len(s) && (s[k] == '_' || 'A' <= s[k] && s[k] <= 'Z' || 'a' <= s[k] && s[k] <= 'z' || k > j && '0' <= s[k] && s[k] <= '9') {
				k++
			}
			if k > j {
				refs[s[j:k]] = true
			}
			i = k - 1
		}
	}
}
