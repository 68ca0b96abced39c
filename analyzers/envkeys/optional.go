package envkeys

import (
	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/manifest"
)

// optional reports whether an undeclared read is an optional setting the
// manifest need not list: the code gives it a default, and the manifest
// is made of deployment files only (Kubernetes, Kustomize, Compose,
// Dockerfile), with no file that documents the program's keys (a dotenv
// file such as .env.example, or envvet.yaml's keys:). A deployment sets
// what it needs to change and leaves the rest to the code's defaults
// (katib's installs leave KATIB_POSTGRESQL_DB_PORT at 5432); a key
// documented nowhere is still reported, and so is a read without a
// default, whose value the deployment must give. A read whose empty
// value the code handles as the setting left off (envgraph's
// Ref.EmptyOff: if token == "" { return }, if url != "" { use(url) }) is
// optional the same way, with "" for its default; one whose empty value
// is an error, a panic or a fatal log, or is used unchecked, is not. A
// misspelt key that a deployment sets is still found, as declared but
// never read.
//
// A key asked of a configuration library that lets the environment
// override its config file (viper's AutomaticEnv, koanf's env provider)
// is optional whatever the manifest: the file may set it.
func optional(ref envgraph.Ref, m *manifest.Manifest) bool {
	return ref.Override || (ref.HasDefault || ref.EmptyOff) && !documents(m)
}

// documents reports whether m holds a declaration from a file that lists
// the program's keys for people: a dotenv file or envvet.yaml's keys:.
func documents(m *manifest.Manifest) bool {
	for _, k := range m.Keys {
		if k.Origin.Kind == manifest.OriginDotenv || k.Origin.Kind == "" {
			return true
		}
	}
	return false
}
