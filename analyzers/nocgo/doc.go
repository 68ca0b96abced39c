// Package nocgo defines an Analyzer that reports packages that use cgo,
// directly or through their imports, in a program whose build declares
// CGO_ENABLED=0.
//
// # Analyzer nocgo
//
// nocgo: report cgo use in a program built with CGO_ENABLED=0
//
// A program that is released as a static binary is built with
// CGO_ENABLED=0. A package that says import "C" is then left out of the
// build: the build fails, or, worse, a pure-Go stub takes its place and
// fails at run time (github.com/mattn/go-sqlite3 compiles to a driver
// whose Open returns "Binary was compiled with 'CGO_ENABLED=0',
// go-sqlite3 requires cgo to work"). nocgo reports such code before the
// release build does:
//
//	import _ "github.com/mattn/go-sqlite3" // diagnostic: github.com/mattn/go-sqlite3 uses cgo (import "C" in sqlite3.go), but CGO_ENABLED=0 is declared in .env.example
//
// Use a pure-Go package instead, or allow the package explicitly.
//
// The policy: cgo must be off when the manifest found for the package
// (envvet.yaml's build: section or sources:, or a dotenv example file such
// as .env.example, found by walking up from the package directory to the
// module root; or the files given with -nocgo.manifest) declares
// CGO_ENABLED=0, or when -nocgo.enforce is set. When the manifest does
// not declare CGO_ENABLED (or there is none) and no -nocgo.manifest is
// given, the release files at the module root decide: a Dockerfile or
// Containerfile whose go build runs with CGO_ENABLED=0 (ENV, ARG, or
// inline in the RUN of the stage that builds; the runtime stage does not
// count), a .goreleaser.yaml whose builds have CGO_ENABLED=0 in env:, or
// a Makefile recipe CGO_ENABLED=0 go build. The message then names the
// file and line that set it:
//
//	import _ "github.com/mattn/go-sqlite3" // diagnostic: github.com/mattn/go-sqlite3 uses cgo (import "C" in sqlite3.go), but CGO_ENABLED=0 is set in Dockerfile:12
//
// The most specific release file decides: .goreleaser.yaml, else the
// Dockerfiles, else the Makefiles. Builds within the deciding file that
// disagree or leave CGO_ENABLED to the default (a goreleaser build of
// another binary with no env:) set no policy, and so does a deciding
// file with cgo on; what a less specific file sets does not count (a
// Makefile's CGO_ENABLED := 1 beside a .goreleaser.yaml that builds every
// release with cgo off: the releases are static). A .goreleaser.yaml
// names the programs it releases (each build's dir: and main:): a main
// package of the module that no build compiles (a CI harness, a
// developer's tool) takes no policy from it; other packages keep it. With
// no policy, nocgo reports nothing. -nocgo.allow names import path patterns (as for go
// list: "example.com/db/...", or "./internal/db" relative to the root of
// the package's module) of packages that may use cgo; their use is not
// reported, neither in them nor in their importers.
//
// What is reported:
//
//   - every import "C" of a package under the policy, at the import in the
//     original source file, whatever the driver (go vet, envvet,
//     golangci-lint) passes for cgo files;
//   - an import of a package of another module that uses cgo itself or
//     through its own imports, at the import, with the chain of imports
//     to the package that imports "C";
//   - an import of a package of the same module that uses cgo, only when
//     that package did not report the cause itself (each cause is reported
//     once, where it can be fixed).
//
// A stub is reported too: a package of the program that keeps its cgo
// code in a file built only with cgo (//go:build cgo, no import "C" of
// its own) and has, for the build without it, a !cgo file that declares
// the same functions and fails with an error naming cgo (errors.New,
// fmt.Errorf, panic, log.Fatal). The CGO_ENABLED=0 build succeeds and the
// program fails at run time. It is reported at the cgo-only file's build
// constraint (of several such files, the one that declares a type the
// stub declares too, else the one sharing the most functions with it),
// with the stub's message (category "stub"):
//
//	//go:build cgo // diagnostic: sqlite.go is built only with cgo, and CGO_ENABLED=0 is set in Dockerfile:12: New, NewVariant then come from the stub sqlite_nocgo.go, which fails at run time ("this binary is built without CGO, sqlite is disabled")
//
// A !cgo file that works without cgo (a pure-Go version), that only skips
// tests, or that declares other functions is not a stub.
//
// Standard-library packages are never a cause, except plugin: net and
// os/user fall back to pure Go when cgo is off, and runtime/cgo is the
// support package that every cgo package imports; plugin has no fallback
// (plugin.Open fails when cgo is off), so a package of the program's
// project (below) that imports it is reported like a cgo package. A package of
// another project that imports plugin is not a cause for its importers:
// libraries link it for an optional loader of their own (kustomize's Go
// plugins as k8s.io/cli-runtime links them, containerd's daemon plugins)
// that fails only when the program asks it to load a plugin, and nothing
// fails to build. So a chain of imports that reaches cgo only through
// plugin in another project's module is not reported (nocgo does not
// follow calls: a program that turns such a loader on is not reported
// either); a chain to an import "C" through the same dependency is.
// Modules are of one project when their paths name one repository: the
// same host/owner/repo on github.com, gitlab.com and bitbucket.org, the
// same first two elements elsewhere; so kustomize's CLI
// (sigs.k8s.io/kustomize/kustomize/v5), which turns on the loader of its
// api module, is reported. Imports in files that are built only with cgo
// on (//go:build cgo, or the cgo files themselves) are not causes
// either: with cgo off they are not there, which is how packages such as
// github.com/ebitengine/purego do without cgo (unless the package's !cgo
// side is a stub, above). Nor are imports in _test.go files: tests are
// not part of the released binary. A third-party package with import "C"
// is reported even if it has a !cgo fallback of its own, since nocgo
// cannot tell a working fallback from a stub that fails at run time;
// allow it once checked.
//
// The result does not depend on the CGO_ENABLED the analysis itself runs
// with. With cgo on, the go tool hands analyzers cgo-processed files, and
// nocgo finds the rewritten import "C" through their //line directives.
// With cgo off, the go tool leaves the cgo files out; nocgo reads them
// from the package's ignored files, keeps those that the build would
// select with cgo on (GOOS, GOARCH and build tags; tags are taken from
// -tags in GOFLAGS, since go vet -tags is not passed to analyzers) and
// reports their import "C" just the same. A package made only of cgo
// files does not load at all with cgo off; its importers fail to build,
// loudly, and an analysis with cgo on reports it.
//
// The package fact usesCgo carries "this package uses cgo, and through
// which chain of imports" from package to package.
package nocgo
