// Package envgraph defines an Analyzer that builds envvet's env-reference
// graph: every reference of a package to the environment, resolved through
// constants, helpers and struct-tag loaders. It reports nothing itself; the
// checks read its result.
//
// # Analyzer envgraph
//
// envgraph: build the graph of environment variable references
//
// For each package, envgraph records every read, lookup, expansion, write
// and unset of an environment variable, with the key, its position, the
// chain of helpers it went through, its default and whether it is
// required. A function whose string parameter reaches an environment read
// is a helper: calls to it are references to the constant given for that
// parameter, in any package (an object fact carries this across packages).
// Each package also exports the keys it reads as a package fact, so that a
// program's main package sees the environment of the whole program.
package envgraph
