// Package robustness holds a test, and nothing else, that feeds every
// check of analyzers.Suite broken packages: syntax errors, type errors,
// missing imports, calls with missing arguments and editor-style partial
// files. Every analyzer is run as if it set RunDespiteErrors, as an editor
// or golangci-lint may run it, and none may panic.
package robustness
