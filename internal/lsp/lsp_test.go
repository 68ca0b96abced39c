package lsp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/envvet/envvet/internal/lsp"
)

// pipes joins two io.Pipes into a duplex stream.
type pipes struct {
	io.Reader
	io.WriteCloser
	r *io.PipeReader
}

func (p pipes) Close() error { p.r.Close(); return p.WriteCloser.Close() }

// A client drives a server over pipes and records what it sends.
type client struct {
	t    testing.TB
	conn jsonrpc2.Conn
	kick chan struct{} // signalled on each publishDiagnostics and log line
	done chan error

	mu   sync.Mutex
	last map[uri.URI][]protocol.Diagnostic // the latest published, by file
	n    map[uri.URI]int                   // how many times each file was published
	logs []string
	seen []string // every message of every publication, in order
	slog []string // the server's own log (Options.Log)
	// events are the publications ("publish URI vN: messages") and the
	// server's log lines ("log: line"), in the order they arrived.
	events []string
}

// start runs a server and connects a client to it.
//
// Each test that starts a server has a module and a server of its own
// (TestEarlyPublish, TestEditSkipsTestMain and TestLogCPU share one,
// variantEdit), and runs in parallel with the others, go test's
// -parallel at a time (GOMAXPROCS by default): one after another, the
// package's tests kept its test binary, and one of go test's two slots,
// busy on one core for minutes near the end of a run of every package.
// TestSameAsStandalone changes the working directory, and runs alone.
func start(t testing.TB, debounce time.Duration) *client {
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	c := &client{t: t, kick: make(chan struct{}, 1), done: make(chan error, 1), last: make(map[uri.URI][]protocol.Diagnostic), n: make(map[uri.URI]int)}
	go func() {
		c.done <- lsp.Serve(context.Background(), pipes{sr, sw, sr}, lsp.Options{Debounce: debounce, Log: testLog{t, c}})
	}()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(pipes{cr, cw, cr}))
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.mu.Lock()
			c.last[p.URI] = p.Diagnostics
			c.n[p.URI]++
			c.seen = append(c.seen, messages(p.Diagnostics)...)
			c.events = append(c.events, fmt.Sprintf("publish %s v%d: %q", p.URI, p.Version, messages(p.Diagnostics)))
			c.mu.Unlock()
			select {
			case c.kick <- struct{}{}:
			default:
			}
		case protocol.MethodWindowLogMessage:
			var p protocol.LogMessageParams
			_ = json.Unmarshal(req.Params(), &p)
			c.mu.Lock()
			c.logs = append(c.logs, p.Message)
			c.mu.Unlock()
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

type testLog struct {
	t testing.TB
	c *client
}

func (l testLog) Write(b []byte) (int, error) {
	line := strings.TrimSpace(string(b))
	if testing.Verbose() {
		l.t.Logf("%s", line)
	}
	l.c.mu.Lock()
	l.c.slog = append(l.c.slog, line)
	l.c.events = append(l.c.events, "log: "+line)
	l.c.mu.Unlock()
	select {
	case l.c.kick <- struct{}{}:
	default:
	}
	return len(b), nil
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// waitTimeout bounds a wait for a publication or a log line. The first
// analysis of a module that imports net/http loads it from source, which
// under the race detector took over two minutes at a load of 40 on two
// cores (TestSameAsStandalone's allchecks, 2026-12-06).
const waitTimeout = 5 * time.Minute

// replace sends a didChange that replaces the whole text of u, as
// version.
func (c *client) replace(u uri.URI, version int32, text string) {
	c.notify(protocol.MethodTextDocumentDidChange, &lsp.DidChangeParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []lsp.ContentChange{{Text: text}},
	})
}

// change sends a didChange of u, as version, with changes.
func (c *client) change(u uri.URI, version int32, changes ...lsp.ContentChange) {
	c.notify(protocol.MethodTextDocumentDidChange, &lsp.DidChangeParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: changes,
	})
}

// wait returns the diagnostics last published for u once they satisfy ok.
func (c *client) wait(u uri.URI, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	timeout := time.After(waitTimeout)
	for {
		c.mu.Lock()
		ds, published := c.last[u]
		logs := c.logs
		c.mu.Unlock()
		if published && ok(ds) {
			return ds
		}
		select {
		case <-c.kick:
		case <-timeout:
			c.t.Fatalf("no matching diagnostics for %s (last %q); server logged %q", u, messages(ds), logs)
		}
	}
}

// publishes returns how many diagnostics notifications have arrived, by file.
func (c *client) publishes() map[uri.URI]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.n)
}

// waitPublish waits for a publication of u after those counted in before.
func (c *client) waitPublish(u uri.URI, before map[uri.URI]int) {
	c.t.Helper()
	timeout := time.After(5 * time.Minute)
	for {
		c.mu.Lock()
		n := c.n[u]
		c.mu.Unlock()
		if n > before[u] {
			return
		}
		select {
		case <-c.kick:
		case <-timeout:
			c.t.Fatalf("no diagnostics published for %s", u)
		}
	}
}

func (c *client) initialize() *protocol.InitializeResult {
	c.t.Helper()
	var res protocol.InitializeResult
	c.call(protocol.MethodInitialize, &protocol.InitializeParams{ClientInfo: &protocol.ClientInfo{Name: "test"}}, &res)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return &res
}

func (c *client) shutdown() {
	c.t.Helper()
	c.call(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Errorf("Serve after shutdown and exit: %v", err)
		}
	case <-time.After(time.Minute):
		c.t.Fatal("server did not exit")
	}
}

func writeModule(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const mainGo = `package main

import "os"

func main() {
	_ = os.Getenv("APP_MOD")
	_ = os.Getenv("DB_URL")
}
`

func messages(ds []protocol.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Message)
	}
	return out
}

func hasMessage(ds []protocol.Diagnostic, sub string) bool {
	return slices.ContainsFunc(ds, func(d protocol.Diagnostic) bool { return strings.Contains(d.Message, sub) })
}

// applyEdits applies one file's edits, given in increasing order and not
// overlapping, to text.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		start, end := offsetOf(text, e.Range.Start), offsetOf(text, e.Range.End)
		text = text[:start] + e.NewText + text[end:]
	}
	return text
}

// offsetOf converts an LSP position in ASCII text to a byte offset.
func offsetOf(text string, p protocol.Position) int {
	off := 0
	for i := uint32(0); i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	return off + int(p.Character)
}

func TestProtocol(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MODE=\nUNUSED=\n",
		"main.go":      mainGo,
	})
	mainURI := uri.File(filepath.Join(dir, "main.go"))
	envPath := filepath.Join(dir, ".env.example")
	envURI := uri.File(envPath)

	c := start(t, 50*time.Millisecond)
	res := c.initialize()
	if res.ServerInfo == nil || res.ServerInfo.Name != "envvet" || res.Capabilities.CodeActionProvider == nil || res.Capabilities.TextDocumentSync == nil {
		t.Fatalf("initialize result: %+v", res)
	}
	if sync, ok := res.Capabilities.TextDocumentSync.(map[string]any); !ok || sync["change"] != float64(protocol.TextDocumentSyncKindIncremental) {
		t.Errorf("textDocumentSync = %#v, want incremental changes", res.Capabilities.TextDocumentSync)
	}

	// Open: two undeclared keys, one of them a typo with a fix; the
	// manifest's unread keys are published on the manifest.
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: mainURI, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	ds := c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
	if len(ds) != 2 {
		t.Fatalf("diagnostics of main.go: %q", messages(ds))
	}
	typo := ds[0]
	if want := `env key "APP_MOD" is not declared in .env.example; did you mean "APP_MODE"?`; typo.Message != want {
		t.Errorf("message = %q, want %q", typo.Message, want)
	}
	if typo.Source != "envvet" || typo.Code != "envkeys" || typo.CodeDescription == nil ||
		!strings.HasPrefix(string(typo.CodeDescription.Href), "https://github.com/envvet/envvet#envkeys") ||
		typo.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("diagnostic metadata: %+v", typo)
	}
	// os.Getenv("APP_MOD") is on line 6 (5 from 0); the range is the literal.
	if r := typo.Range; r.Start.Line != 5 || r.Start.Character != 15 || r.End.Line != 5 || r.End.Character != 24 {
		t.Errorf("range = %+v, want 5:15-5:24", r)
	}
	env := c.wait(envURI, func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
	// APP_MODE is unread until the typo is fixed.
	if len(env) != 2 || !strings.Contains(env[1].Message, `"UNUSED" is declared in .env.example but never read`) || env[1].Range.Start.Line != 1 {
		t.Errorf("diagnostics of .env.example: %+v", env)
	}

	// Code actions: the fix for the typo, and declaring either key.
	var actions []protocol.CodeAction
	c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: mainURI},
		Range:        protocol.Range{Start: protocol.Position{Line: 5, Character: 17}, End: protocol.Position{Line: 5, Character: 17}},
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{typo}},
	}, &actions)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
		if a.Kind != protocol.QuickFix || a.Edit == nil {
			t.Errorf("action %q: kind %q, edit %v", a.Title, a.Kind, a.Edit)
		}
	}
	if want := []string{`Replace "APP_MOD" with "APP_MODE"`, "Declare APP_MOD in .env.example"}; !slices.Equal(titles, want) {
		t.Fatalf("code actions = %q, want %q", titles, want)
	}
	declare := actions[1].Edit.Changes[envURI]
	if got := applyEdits(t, "APP_MODE=\nUNUSED=\n", declare); got != "APP_MODE=\nUNUSED=\nAPP_MOD=\n" {
		t.Errorf("declare edit gives %q", got)
	}

	// Apply the fix: the buffer changes, the typo's diagnostic goes.
	fixed := applyEdits(t, mainGo, actions[0].Edit.Changes[mainURI])
	if !strings.Contains(fixed, `os.Getenv("APP_MODE")`) {
		t.Fatalf("fix gives %q", fixed)
	}
	c.replace(mainURI, 2, fixed)
	ds = c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return !hasMessage(ds, "APP_MOD\"") })
	if len(ds) != 1 || !strings.Contains(ds[0].Message, `"DB_URL" is not declared`) {
		t.Fatalf("after the fix: %q", messages(ds))
	}
	c.wait(envURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 1 && hasMessage(ds, "UNUSED") })

	// Edit the key in the buffer, incrementally: introduce an undeclared
	// key, then fix it again.
	line6 := &protocol.Range{Start: protocol.Position{Line: 5, Character: 16}, End: protocol.Position{Line: 5, Character: 24}}
	c.change(mainURI, 3, lsp.ContentChange{Range: line6, Text: "APP_NAME"})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"APP_NAME" is not declared`) })
	c.change(mainURI, 4, lsp.ContentChange{Range: line6, Text: "APP_MODE"})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 1 && !hasMessage(ds, "APP_NAME") })
	// An insertion at 0:0 is an edit, not the whole text: DB_URL's
	// diagnostic moves down a line (replacing the text by the comment
	// would leave a file with no package clause, and no diagnostics).
	top := &protocol.Range{}
	c.change(mainURI, 5, lsp.ContentChange{Range: top, Text: "// Command t.\n"})
	ds = c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 1 && ds[0].Range.Start.Line == 7 })
	if !strings.Contains(ds[0].Message, `"DB_URL" is not declared`) {
		t.Fatalf("after an insertion at 0:0: %q", messages(ds))
	}
	c.change(mainURI, 6, lsp.ContentChange{Range: &protocol.Range{End: protocol.Position{Line: 1}}, Text: ""})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 1 && ds[0].Range.Start.Line == 6 })

	// Manifest edit, unsaved: declaring DB_URL and dropping UNUSED in the
	// buffer clears both files' diagnostics before any save.
	newEnv := "APP_MODE=\nDB_URL=\n"
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: envURI, LanguageID: "sh", Version: 1, Text: "APP_MODE=\nUNUSED=\n",
	}})
	c.replace(envURI, 2, newEnv)
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.wait(envURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })

	// Closed without saving: the disk's manifest counts again.
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: envURI}})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"DB_URL" is not declared`) })

	// Saved: the same edit on disk clears them again.
	if err := os.WriteFile(envPath, []byte(newEnv), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: envURI, Type: protocol.FileChangeTypeChanged}}})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })

	// Unknown requests get an error, not a crash.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := c.conn.Call(ctx, "textDocument/hover", map[string]any{}, nil); err == nil {
		t.Error("hover: no error")
	}
	c.shutdown()
}

// TestSupersede: a change made while an analysis runs cancels it: the
// superseded analysis publishes nothing, the next one publishes the
// latest text's diagnostics.
//
// The change is sent once the server logs that the first analysis has
// started: its load of os and its dependencies from source is then still
// to come, and takes far longer than the log line's way to the client and
// the change's way back. (The module used to import net/http as well, and
// the change was sent 100 ms after the open, so that a long load would
// outlast any delay; loading net/http from source under the race detector
// was most of the test's CPU.)
func TestSupersede(t *testing.T) {
	t.Parallel()
	v1 := "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"KEY_ONE\")\n}\n"
	v2 := strings.Replace(v1, "KEY_ONE", "KEY_TWO", 1)
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "OTHER=\n",
		"main.go":      v1,
	})
	mainURI := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: mainURI, LanguageID: "go", Version: 1, Text: v1,
	}})
	c.waitLog(firstStarted, 0)
	c.replace(mainURI, 2, v2)
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"KEY_TWO" is not declared`) })
	c.mu.Lock()
	seen, slog := slices.Clone(c.seen), slices.Clone(c.slog)
	c.mu.Unlock()
	if slices.ContainsFunc(seen, func(m string) bool { return strings.Contains(m, "KEY_ONE") }) {
		t.Errorf("the superseded text's diagnostics were published: %q", seen)
	}
	if !slices.ContainsFunc(slog, func(l string) bool { return strings.Contains(l, "analysis superseded") }) {
		t.Errorf("no analysis was superseded; server log:\n%s", strings.Join(slog, "\n"))
	}
	c.shutdown()
}

// firstStarted matches the log line that starts a server's first analysis.
var firstStarted = regexp.MustCompile(`^envvet lsp: .* analysis 1 started `)

// TestManifestError checks that a manifest that does not parse is
// reported on the manifest, as an error.
func TestManifestError(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MODE=\nnot a line\n",
		"main.go":      mainGo,
	})
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri.File(filepath.Join(dir, "main.go")), LanguageID: "go", Version: 1, Text: mainGo,
	}})
	ds := c.wait(uri.File(filepath.Join(dir, ".env.example")), func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
	if ds[0].Severity != protocol.DiagnosticSeverityError || ds[0].Range.Start.Line != 1 || ds[0].Code != "envkeys" {
		t.Errorf("manifest error: %+v", ds)
	}
	// Fixed on disk, outside the editor: the watched-files notification
	// re-publishes.
	if err := os.WriteFile(filepath.Join(dir, ".env.example"), []byte("APP_MODE=\nAPP_MOD=\nDB_URL=\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{
		{URI: uri.File(filepath.Join(dir, ".env.example")), Type: protocol.FileChangeTypeChanged},
	}})
	c.wait(uri.File(filepath.Join(dir, ".env.example")), func(ds []protocol.Diagnostic) bool {
		return len(ds) == 1 && hasMessage(ds, `"APP_MODE" is declared in .env.example but never read`)
	})
	c.wait(uri.File(filepath.Join(dir, "main.go")), func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.shutdown()
}

// TestDebounceLeadingEdge: a change after a quiet spell of the debounce
// delay is analyzed at once; a change within the delay of the previous
// one waits for the delay. The delay (3 s) is far above what analyzing
// this small package again costs, even under the race detector.
func TestDebounceLeadingEdge(t *testing.T) {
	t.Parallel()
	const delay = 3 * time.Second
	text := func(key string) string {
		return "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"" + key + "\")\n}\n"
	}
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "OTHER=\n",
		"main.go":      text("KEY_ONE"),
	})
	mainURI := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, delay)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: mainURI, LanguageID: "go", Version: 1, Text: text("KEY_ONE"),
	}})
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"KEY_ONE" is not declared`) })
	// The collection after the load holds the next analysis (collectLoad):
	// under -race on a loaded machine it takes seconds, so the quiet
	// spell starts when it has ended.
	c.waitLog(collected, 0)
	time.Sleep(delay + delay/4) // a quiet spell

	sent := time.Now()
	c.replace(mainURI, 2, text("KEY_TWO"))
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"KEY_TWO" is not declared`) })
	if took := time.Since(sent); took >= delay {
		t.Fatalf("an edit after a quiet spell was published after %v, not at once (debounce %v)", took, delay)
	}

	sent = time.Now() // within the delay of the last change: typing
	c.replace(mainURI, 3, text("KEY_THREE"))
	c.wait(mainURI, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"KEY_THREE" is not declared`) })
	if took := time.Since(sent); took < delay {
		t.Errorf("an edit within %v of the last was published after %v, without the debounce", delay, took)
	}
	c.shutdown()
}
