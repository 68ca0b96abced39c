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
// build; EXPOSE only documents a port, so a key it names is not used.
// Single quotes and a backslash before $ keep a $ literal, except in the
// single-quoted script of a nested shell (sh -c '... $PORT').

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

// shellScript returns the script that a shell expands in an exec-form
// argv: the argument after -c when argv[0] is a shell and only options
// come before it (-e, -o pipefail). The arguments after the script are
// its $0, $1, ..., which nothing expands, and after a script file
// (["sh", "/entrypoint.sh", "-c", "x"]) a -c is that script's argument.
func shellScript(argv []string) (string, bool) {
	argv = unwrap(argv)
	if len(argv) == 0 || !isShell(argv[0]) {
		return "", false
	}
	for i := 1; i < len(argv); i++ {
		switch a := argv[i]; {
		case isScriptFlag(a):
			if i+1 < len(argv) {
				return argv[i+1], true
			}
			return "", false
		case a == "-o" || a == "+o":
			i++ // and the option's name
		case !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "+"):
			return "", false
		}
	}
	return "", false
}

// unwrap returns argv without the init or env wrapper that runs the rest
// (["/sbin/tini", "--", "sh", "-c", ...], ["dumb-init", "sh", ...],
// ["env", "A=1", "sh", ...]): its options, "--" and NAME=value words.
// Under env -i the command sees none of the image's ENV keys: nil.
func unwrap(argv []string) []string {
	for len(argv) > 0 {
		switch path.Base(argv[0]) {
		case "tini", "dumb-init", "env":
		default:
			return argv
		}
		argv = argv[1:]
		for len(argv) > 0 && (strings.HasPrefix(argv[0], "-") || strings.Contains(argv[0], "=")) {
			switch argv[0] {
			case "-i", "-", "--ignore-environment":
				return nil
			}
			argv = argv[1:] // an option, "--" or NAME=value
		}
	}
	return argv
}

// isShell reports whether the command word runs a POSIX-like shell.
func isShell(word string) bool {
	switch path.Base(word) {
	case "sh", "bash", "ash", "dash", "zsh", "ksh":
		return true
	}
	return false
}

// isScriptFlag reports whether a shell's option word includes -c (-c,
// -ec, -xc): its next argument is the script.
func isScriptFlag(a string) bool {
	return strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "c")
}

// instructionRefs adds to refs the names that in expands: at run time for
// the commands (RUN, CMD, ENTRYPOINT, HEALTHCHECK), at build time for the
// others. FROM and ARG refer to build arguments, not to ENV keys, and
// EXPOSE's port is documentation, which no one reads. It returns the argv
// of a command in the exec form, nil otherwise.
func instructionRefs(in instruction, refs map[string]bool) []string {
	from := in.args
	switch in.cmd {
	case "FROM", "ARG", "EXPOSE":
		return nil
	case "HEALTHCHECK":
		i := strings.Index(strings.ToUpper(in.t.s[from:]), "CMD")
		if i < 0 {
			return nil // HEALTHCHECK NONE
		}
		from += i + len("CMD")
		fallthrough
	case "RUN", "CMD", "ENTRYPOINT":
		from = in.afterFlags(from) // RUN --mount=...
		if argv, ok := execForm(in.t.s[from:]); ok {
			if script, ok := shellScript(argv); ok {
				shellRefs(script, refs)
			}
			return argv
		}
	}
	shellRefs(in.t.s[from:], refs)
	return nil
}

// setCommand records cmd (ENTRYPOINT or CMD) as the stage's: argv is
// its exec form, nil for the shell form (whose references
// instructionRefs has counted). As in the builder, an ENTRYPOINT clears
// the CMD inherited from the parent stage, not one of its own stage.
func (st *stage) setCommand(cmd string, argv []string) {
	if cmd == "CMD" {
		st.cmd, st.cmdSet = argv, true
		return
	}
	st.entrypoint = argv
	if !st.cmdSet {
		st.cmd = nil
	}
}

// commandRefs adds to st.refs the names in the script that an exec-form
// ENTRYPOINT running a shell with -c takes from an exec-form CMD: the
// container runs the two argvs joined, so with
//
//	ENTRYPOINT ["/bin/sh", "-c"]
//	CMD ["exec /app --port=$PORT"]
//
// the shell expands $PORT. A script in ENTRYPOINT alone was counted by
// instructionRefs; the CMD's words after it are $0, $1, ... .
func commandRefs(st *stage) {
	if len(st.entrypoint) == 0 || len(st.cmd) == 0 {
		return
	}
	if _, ok := shellScript(st.entrypoint); ok {
		return
	}
	argv := append(append([]string(nil), st.entrypoint...), st.cmd...)
	if script, ok := shellScript(argv); ok {
		shellRefs(script, st.refs)
	}
}

// shellRefs adds to refs the names of the $NAME and ${NAME...}
// references in s that a shell expands: not escaped, not in a comment,
// and outside single quotes (a single quote inside double quotes is a
// character), unless the single-quoted word is the script of a nested
// shell (sh -c '...').
func shellRefs(s string, refs map[string]bool) {
	dquoted := false // inside "..."
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			dquoted = !dquoted
		case c == '\\':
			i++
		case c == '\'' && !dquoted:
			n := strings.IndexByte(s[i+1:], '\'')
			if n < 0 {
				return // unterminated: the rest is literal
			}
			if nestedScript(lineBefore(s, i)) {
				shellRefs(s[i+1:i+1+n], refs)
			}
			i += n + 1
		case c == '$':
			i = dollarRef(s, i, refs)
		case c == '#' && !dquoted && (i == 0 || strings.IndexByte(" \t\n;", s[i-1]) >= 0):
			// A comment, to the end of its line: a heredoc script's
			// "# don't" opens no quote.
			n := strings.IndexByte(s[i:], '\n')
			if n < 0 {
				return
			}
			i += n
		}
	}
}

// lineBefore returns the text of s's line before s[i], up to its last
// 128 bytes: enough for the "sh -c" that nestedScript looks for, and a
// bound on the work per quote of a long script.
func lineBefore(s string, i int) string {
	before := s[max(0, i-128):i]
	if j := strings.LastIndexByte(before, '\n'); j >= 0 {
		before = before[j+1:]
	}
	return before
}

// nestedScript reports whether the quoted word that follows before is the
// script of a shell that before starts: before ends in "sh -c" (or
// "bash -ec", "/bin/sh -x -c", "bash -o pipefail -c").
func nestedScript(before string) bool {
	f := strings.Fields(before)
	n := len(f)
	if n < 2 || !isScriptFlag(f[n-1]) {
		return false
	}
	for n--; n > 0; n-- {
		if n >= 2 && (f[n-2] == "-o" || f[n-2] == "+o") {
			n-- // an option's name, after -o
		} else if !strings.HasPrefix(f[n-1], "-") {
			break
		}
	}
	return n > 0 && isShell(f[n-1])
}

// dollarRef adds to refs the name that the $ at s[i] refers to, if any,
// and returns the index of the reference's last byte. ${NAME:-x} and
// ${#NAME} refer to NAME; a special parameter ($$, $?, $#, $1, $@, ...)
// names no key, so "$$PORT" is the shell's process id and the text PORT.
func dollarRef(s string, i int, refs map[string]bool) int {
	j := i + 1
	if j < len(s) && s[j] == '{' {
		j++
		if j+1 < len(s) && s[j] == '#' && isNameByte(s[j+1], true) {
			j++ // ${#NAME}: NAME's length
		}
	}
	if j < len(s) && strings.IndexByte("$?#!-*@0123456789", s[j]) >= 0 {
		return j
	}
	k := j
	for k < len(s) && isNameByte(s[k], k == j) {
		k++
	}
	if k > j {
		refs[s[j:k]] = true
	}
	return k - 1
}
