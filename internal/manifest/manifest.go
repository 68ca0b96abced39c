// Package manifest finds and parses the files that declare a program's
// environment: envvet.yaml, and dotenv example files (.env.example,
// .env.sample, .env.template, .env.dist).
package manifest

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
}

// A Manifest is the union of the declarations of one or more files.
type Manifest struct {
	// Files lists the files read, in the order given.
	Files []string
	// Keys are the declared runtime variables, in file order.
	Keys []Key
	// Build are build-time variables (envvet.yaml's build: section, and
	// well-known build variables such as CGO_ENABLED in a dotenv file).
	Build []Key
}
