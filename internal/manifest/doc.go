// Package manifest finds and parses the files that declare a program's
// environment: envvet.yaml, and dotenv example files (.env.example,
// .env.sample, .env.template, .env.dist).
//
// # Discovery
//
// The manifest of a package is found by walking up from the package's
// directory: in each directory, the first of envvet.yaml, envvet.yml,
// .env.example, .env.sample, .env.template and .env.dist that exists is
// the manifest (envvet.yaml wins over a dotenv file beside it, and a
// nearer file over a farther one). The walk stops at the module root, the
// first directory containing go.mod; without one it goes up to the file
// system root. A .env file itself is never a manifest: it holds real
// values, often secrets. Files named explicitly (-envkeys.manifest) are
// used instead of discovery; when several are given they are merged in
// order, the first declaration of a name winning.
//
// # envvet.yaml
//
// A YAML mapping with two optional sections:
//
//	# keys the program reads
//	keys:
//	  DATABASE_URL:
//	    description: Postgres DSN
//	    required: true
//	    secret: true
//	  PORT:
//	    default: "8080"
//	  LEGACY_HOST:
//	    deprecated: use HOST
//	  PLAIN_KEY:          # or PLAIN_KEY: {}
//	build:                # build-time variables
//	  CGO_ENABLED: "0"
//
// Under keys, each name maps to nothing (null, or {}) or to a mapping of
// these fields, all optional:
//
//   - description: text.
//   - required: true or false.
//   - secret: true or false.
//   - default: any scalar; its text is kept ("8080", 8080 and '8080' are
//     the same default). A null default is no default; "" is an empty one.
//   - deprecated: a note such as "use HOST"; true stands for the note
//     "deprecated", false for none.
//
// Under build, each name maps to a scalar value (its text is the Key's
// Default) or to null (no value).
//
// Names must be valid environment variable names, [A-Za-z_][A-Za-z0-9_]*.
// An unknown field (at the top level or in a key), a value of the wrong
// kind, a name given twice in one mapping, more than one YAML document, or
// a top level that is not a mapping are errors; so is invalid YAML, with
// the line the YAML parser gives. An empty file, or one with only
// comments, declares nothing. Anchors and aliases work as in YAML; merge
// keys (<<) do not.
//
// # Dotenv files
//
// One declaration per line, in the syntax of joho/godotenv and Docker
// Compose env files:
//
//	# Postgres DSN            ← comment lines right above a key are its Description
//	DATABASE_URL=
//	export PORT=8080          # "export " is allowed; so is an inline comment
//	GREETING="hello # world"  # double quotes: \n \r \t \" \\ \$ are escapes
//	RAW='a\nb'                # single quotes: literal text (\' does not end them)
//	KEY = value               # spaces around = are ignored
//	CERT="-----BEGIN...
//	...-----END"              # a quoted value may span lines; the key keeps its first line
//
// Precisely: blank lines and lines whose first non-blank character is #
// are ignored (a run of comment lines directly above a key, with no blank
// line or commented-out declaration such as "# KEY=value" between, becomes
// the key's Description; otherwise an inline comment does). A declaration is an optional "export" followed by
// blanks, a name, optional blanks, "=", and a value. An unquoted value
// runs to the end of the line, up to a # preceded by a blank (so
// URL=http://x/#frag keeps its #), with surrounding blanks removed. A
// value starting with " or ' runs to the matching quote, across lines if
// need be; after the closing quote only blanks and a # comment may
// follow. No variable expansion is done: ${OTHER} is kept as text. A UTF-8
// byte order mark and CRLF line endings are accepted.
//
// A value is the key's Default when it is not empty (KEY= and KEY=""
// declare the key with no default). Dotenv files cannot say that a key is
// required, secret or deprecated: use envvet.yaml for that.
//
// A line without "=", an invalid name, an unterminated quote, text after a
// closing quote, and a name declared twice are errors.
//
// Well-known build variables in a dotenv file are build variables
// (Manifest.Build), not runtime keys: AR, CC, CXX, PKG_CONFIG,
// CGO_ENABLED, CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS, CGO_FFLAGS,
// CGO_LDFLAGS, GO111MODULE, GO386, GOAMD64, GOARCH, GOARM, GOARM64,
// GOEXPERIMENT, GOFIPS140, GOFLAGS, GOINSECURE, GOMIPS, GOMIPS64,
// GONOPROXY, GONOSUMDB, GOOS, GOPPC64, GOPRIVATE, GOPROXY, GORISCV64,
// GOSUMDB, GOTOOLCHAIN, GOWASM and GOWORK (see IsBuildVar). In
// envvet.yaml, the section a name is in decides.
//
// # Errors
//
// Every problem with a manifest is an *Error, printed as
// "file:line:col: what is wrong" (col, or line and col, omitted when
// unknown), with the file name as given. Manifests are UTF-8 (a UTF-8
// byte order mark is skipped); a UTF-16 file is an error. An unreadable
// file's Error wraps the underlying error, so errors.Is(err,
// fs.ErrNotExist) works.
package manifest
