package lsp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestManifestOnDisk: manifests created, edited and deleted on disk
// between edits, each change reported by the client as a watched file:
// the next publication of the edited file reflects it. The directories'
// modification times are put back after each change, so that the
// server's memo of where each directory's manifest is (a
// manifest.Discovery, kept while those times stand) sees none of them:
// only the watched-files notification drops it.
func TestManifestOnDisk(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":          "module example.com/t\n\ngo 1.26\n",
		"cmd/app/main.go": mainGo,
	})
	app := filepath.Join(dir, "cmd", "app")
	mainPath := filepath.Join(app, "main.go")
	mainURI := uri.File(mainPath)
	past := time.Now().Add(-time.Hour)
	age := func() {
		t.Helper()
		for _, d := range []string{dir, filepath.Dir(app), app} {
			if err := os.Chtimes(d, past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	age()
	c := start(t, time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: mainURI, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	undeclared := func(want ...string) func([]protocol.Diagnostic) bool {
		return func(ds []protocol.Diagnostic) bool {
			if len(ds) != len(want) {
				return false
			}
			for _, k := range want {
				if !hasMessage(ds, `env key "`+k+`" is not declared`) {
					return false
				}
			}
			return true
		}
	}
	c.wait(mainURI, undeclared()) // no manifest: nothing to report
	version := int32(1)
	step := func(what string, change func(), want ...string) {
		t.Helper()
		change()
		age()
		var events []*protocol.FileEvent
		for _, p := range []string{filepath.Join(dir, ".env.example"), filepath.Join(app, ".env.example")} {
			events = append(events, &protocol.FileEvent{URI: uri.File(p), Type: protocol.FileChangeTypeChanged})
		}
		c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: events})
		version++
		c.replace(mainURI, version, mainGo+strings.Repeat("\n", int(version)))
		t.Logf("%s: want %q undeclared", what, want)
		c.wait(mainURI, undeclared(want...))
	}
	write := func(path, text string) func() {
		return func() {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	remove := func(path string) func() {
		return func() {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}
	}
	rootEnv, appEnv := filepath.Join(dir, ".env.example"), filepath.Join(app, ".env.example")
	step("created at the root", write(rootEnv, "OTHER=\n"), "APP_MOD", "DB_URL")
	step("edited", write(rootEnv, "APP_MOD=\n"), "DB_URL")
	step("a nearer one created", write(appEnv, "APP_MOD=\nDB_URL=\n"))
	step("the nearer one deleted", remove(appEnv), "DB_URL")
	step("the root's deleted", remove(rootEnv))
	c.shutdown()
}

// TestManifestOnDiskUnwatched: a manifest created and deleted on disk
// between edits, with no watched-files notification (a client that does
// not watch files): the next publication reflects it, as the server
// looks at the directories again in each analysis.
func TestManifestOnDiskUnwatched(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/t\n\ngo 1.26\n",
		"main.go": mainGo,
	})
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(dir, past, past); err != nil {
		t.Fatal(err)
	}
	mainURI := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: mainURI, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	env := filepath.Join(dir, ".env.example")
	if err := os.WriteFile(env, []byte("OTHER=\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.replace(mainURI, 2, mainGo+"\n")
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool {
		return len(ds) == 2 && hasMessage(ds, `env key "APP_MOD" is not declared`)
	})
	if err := os.Remove(env); err != nil {
		t.Fatal(err)
	}
	c.replace(mainURI, 3, mainGo+"\n\n")
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.shutdown()
}
