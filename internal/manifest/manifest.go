package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A Key is one declared environment variable.
type Key struct {
	Name string
	File string // the manifest file that declares it, as given to Load
	Line int    // 1-based line of the key in File
	Col  int    // 1-based column of the key in File

	Description string
	Required    bool
	Default     string
	HasDefault  bool
	Secret      bool
	Deprecated  string // the deprecation note; "" when not deprecated
	Origin      Origin // what kind of file gives the value (see Origin)

	// Expanded reports that the deployment itself uses the key: the
	// Kubernetes container it is declared for refers to it as $(KEY) in
	// its command, args or env values. The key then has a consumer
	// besides the program, so "declared but never read" does not apply.
	Expanded bool

	// Ignore suppresses findings of the named checks positioned on this
	// key (envvet.yaml's ignore: field); each has a reason.
	Ignore []Ignore

	// OnBadValue says what the program does with a value that does not
	// parse (envvet.yaml's on-bad-value: field): OnBadValueFail (also
	// when "") or OnBadValueDefault, a deliberate fallback that envparse
	// does not report.
	OnBadValue string

	// Mains, for a build variable that a .goreleaser.yaml sets, are the
	// directories (absolute, clean, sorted) of the main packages its
	// builds compile: the release is those programs. nil when it is not
	// known (a template in a build's main: or dir:) or for other files.
	Mains []string
}

// The values of envvet.yaml's on-bad-value: field.
const (
	OnBadValueFail    = "fail"
	OnBadValueDefault = "default"
)

// Pos returns the key's position as "file:line:col" (or "file:line" when
// the column is unknown).
func (k Key) Pos() string {
	return position(k.File, k.Line, k.Col)
}

// An Ignore suppresses one check's findings on a key, with a reason.
type Ignore struct{ Check, Reason string }

// Ignored returns the reason k's ignore: field gives for check, if any.
func (k Key) Ignored(check string) (reason string, ok bool) {
	for _, ig := range k.Ignore {
		if ig.Check == check {
			return ig.Reason, true
		}
	}
	return "", false
}

// A Manifest is the union of the declarations of one or more files.
type Manifest struct {
	// Files lists the files read, in the order given, each followed by
	// the deployment files its sources: name and the env_file files those
	// name (each file once).
	Files []string
	// Keys are the declared runtime variables, in file order.
	// A name appears at most once: across files, the first declaration
	// wins (see Shadowed for the others).
	Keys []Key
	// Build are build-time variables (envvet.yaml's build: section, and
	// well-known build variables such as CGO_ENABLED in a dotenv file).
	// A build variable's value is its Default. Names are unique, as in Keys.
	Build []Key
	// Shadowed are declarations that a file earlier in Files already made
	// (of runtime or build variables), in file order. They are kept so
	// that tools can say everywhere a key is declared; checks use Keys.
	Shadowed []Key
	// Unresolved are declarations whose keys the manifest cannot list: a
	// Kubernetes envFrom naming a ConfigMap or Secret that no source
	// defines, a Compose env_file that does not exist, or (from Parse,
	// which reads no file) a source or env_file not followed. When it is
	// not empty, Keys may lack keys that the deployment does set, so a
	// check should not claim that a read key is undeclared with certainty.
	Unresolved []Unresolved
	// Environments are envvet.yaml's environments: (dev, staging, prod),
	// in file order, each with the keys its own sources set; see
	// Environment. Their keys are also in Keys (or Shadowed), and their
	// files in Files.
	Environments []Environment
	// Isolate is the dbpool check's isolation patterns from envvet.yaml's
	// dbpool: section (import path patterns whose packages must not share
	// a pool); the -dbpool.isolate flag overrides it.
	Isolate []string
}

// An Unresolved is a declaration of unknown keys; see Manifest.Unresolved.
type Unresolved struct {
	File      string // the file holding the reference
	Line, Col int
	What      string // e.g. `envFrom configMapRef "app-config" is not defined in the sources`
}

// Pos returns the reference's position as "file:line:col".
func (u Unresolved) Pos() string { return position(u.File, u.Line, u.Col) }

func (u Unresolved) String() string { return u.Pos() + ": " + u.What }

// Lookup returns the declaration of the runtime variable name.
// Build variables are not runtime keys: see BuildVar.
func (m *Manifest) Lookup(name string) (Key, bool) {
	if m == nil {
		return Key{}, false
	}
	return find(m.Keys, name)
}

// BuildVar returns the declaration of the build-time variable name, such
// as CGO_ENABLED; its value is the Key's Default.
func (m *Manifest) BuildVar(name string) (Key, bool) {
	if m == nil {
		return Key{}, false
	}
	return find(m.Build, name)
}

// Declarations returns every declaration of name, runtime or build, the
// one that counts (as Lookup or BuildVar return it) first.
func (m *Manifest) Declarations(name string) []Key {
	if m == nil {
		return nil
	}
	var out []Key
	for _, list := range [][]Key{m.Keys, m.Build, m.Shadowed} {
		for _, k := range list {
			if k.Name == name {
				out = append(out, k)
			}
		}
	}
	return out
}

// DisplayName returns the base names of m's files joined with ", ", each
// name once (an environment's overlays all hold a kustomization.yaml),
// the fifth and later ones counted ("a, b, c, d and 3 more files"), for
// messages such as `env key "X" is not declared in .env.example`.
func (m *Manifest) DisplayName() string {
	if m == nil {
		return ""
	}
	var names []string
	for _, f := range m.Files {
		if b := filepath.Base(f); !slices.Contains(names, b) {
			names = append(names, b)
		}
	}
	// A kustomize tree reads every resource (namespace.yaml, rbac.yaml,
	// ...): past a few names, a count says enough.
	if n := len(names); n > maxDisplayNames {
		return strings.Join(names[:maxDisplayNames-1], ", ") + fmt.Sprintf(" and %d more files", n-maxDisplayNames+1)
	}
	return strings.Join(names, ", ")
}

// maxDisplayNames is the most file names DisplayName lists.
const maxDisplayNames = 5

func find(keys []Key, name string) (Key, bool) {
	for _, k := range keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// An Error is a problem with a manifest file: it cannot be read, or its
// content is malformed. Error() is "file:line:col: what is wrong", with
// col (or line and col) omitted when unknown, and File as given to Load.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Err       error // the underlying error, if any (e.g. from reading the file)
}

func (e *Error) Error() string {
	return position(e.File, e.Line, e.Col) + ": " + e.Msg
}

// Unwrap returns the underlying error, so that errors.Is(err, fs.ErrNotExist) works.
func (e *Error) Unwrap() error { return e.Err }

func position(file string, line, col int) string {
	s := file
	if line > 0 {
		s += ":" + strconv.Itoa(line)
		if col > 0 {
			s += ":" + strconv.Itoa(col)
		}
	}
	return s
}

func errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// isYAML reports whether path names a YAML manifest (by its extension).
func isYAML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// Load reads the given files and merges them in the order given. A file
// whose name ends in .yaml or .yml is a Kubernetes file when a document
// has apiVersion and kind, a Compose file when it has services:, and an
// envvet.yaml otherwise (whose sources: are read after its own keys);
// any other file is a dotenv file. When two declarations name the same
// variable, the first is the one in Keys (or Build), and the others go to
// Shadowed. A name declared twice within one envvet.yaml is an error;
// within one dotenv file the later declaration counts and the earlier is
// Shadowed (as Compose and godotenv read it), and within deployment files
// the first counts (services and containers repeat keys). A file given twice is read once. Every error is an *Error.
func Load(paths ...string) (*Manifest, error) {
	l := newLoader(true)
	for _, path := range paths {
		if err := l.load(path); err != nil {
			return nil, err
		}
	}
	return l.finish(), nil
}

// Parse parses the content of one manifest file named path (the name
// and content select the format as in Load, and the name appears in
// positions and errors). It reads no file: an envvet.yaml's sources and a
// Compose file's env_file entries are not followed but listed in
// Unresolved, and a Kubernetes envFrom resolves only against the
// ConfigMaps and Secrets in data.
func Parse(path string, data []byte) (*Manifest, error) {
	l := newLoader(false)
	l.addFile(path)
	if err := l.parse(path, data); err != nil {
		return nil, err
	}
	return l.finish(), nil
}

// checkEncoding strips a UTF-8 byte order mark and rejects UTF-16.
func checkEncoding(path string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return nil, errorf(path, 0, 0, "the file is encoded in UTF-16; save it as UTF-8")
	}
	return data, nil
}

// maxSize bounds the size of a manifest file, so that a mistaken path
// (a log, a device) cannot exhaust memory.
const maxSize = 32 << 20

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	if len(data) > maxSize {
		return nil, errorf(path, 0, 0, "manifest is larger than %d MiB", maxSize>>20)
	}
	return data, nil
}

func readError(path string, err error) *Error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file"
		}
	}
	return &Error{File: path, Msg: "cannot read manifest: " + msg, Err: err}
}

// validName reports whether s is a valid environment variable name:
// [A-Za-z_][A-Za-z0-9_]*.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i], i == 0) {
			return false
		}
	}
	return true
}

// isNameByte reports whether b may be a byte of a variable's name, its
// first byte if first.
func isNameByte(b byte, first bool) bool {
	return b == '_' || 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || !first && '0' <= b && b <= '9'
}
