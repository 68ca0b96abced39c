package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A serverRun is what one session with the server measured.
type serverRun struct {
	first   sample   // didOpen to the file's first diagnostics
	edits   []sample // didChange to the diagnostics of that version
	peakRSS int64    // the server's VmHWM, bytes
	loaded  int      // packages the server type-checked to analyze (its log)
}

// A conn is the client end of an LSP session over a child's stdio.
type conn struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	mu  sync.Mutex
	id  int

	replies chan json.RawMessage // results of the client's requests, in order
	publish chan published       // publishDiagnostics notifications
	done    chan error           // the reader's end
}

type published struct {
	URI     string `json:"uri"`
	Version int32  `json:"version"`
}

// measureServer starts the server, opens path, waits for its first
// diagnostics, then makes n one-line edits and times each. The server
// logs to logf, or to a temporary file if it is empty.
func measureServer(bin string, args []string, root, path string, n int, logf string) (*serverRun, error) {
	if logf == "" {
		logf = filepath.Join(os.TempDir(), fmt.Sprintf("envvet-lsp-bench-%d.log", os.Getpid()))
		defer os.Remove(logf)
	}
	args = append(args, "-logfile="+logf)
	c, err := start(bin, args, root)
	if err != nil {
		return nil, err
	}
	defer c.cmd.Process.Kill()
	u := fileURI(path)
	if _, err := c.call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": fileURI(root), "capabilities": map[string]any{},
		"clientInfo": map[string]any{"name": "bench/lsp"},
	}); err != nil {
		return nil, err
	}
	c.notify("initialized", map[string]any{})
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	run := &serverRun{}
	c0, t0 := c.cpu(), time.Now()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": u, "languageId": "go", "version": 1, "text": string(orig)}})
	if err := c.wait(u, 1, 60*time.Minute); err != nil {
		return nil, err
	}
	run.first = sample{wall: time.Since(t0), cpu: c.cpu() - c0}
	fmt.Fprintf(os.Stderr, "first diagnostics: wall %s ms, server cpu %s ms\n", ms(run.first.wall), ms(run.first.cpu))
	for i := 1; i <= n; i++ {
		version := int32(i + 1)
		c0, t0 := c.cpu(), time.Now()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": u, "version": version},
			"contentChanges": []map[string]any{{"text": string(edited(orig, i))}},
		})
		if err := c.wait(u, version, 30*time.Minute); err != nil {
			return nil, err
		}
		s := sample{wall: time.Since(t0), cpu: c.cpu() - c0}
		run.edits = append(run.edits, s)
		fmt.Fprintf(os.Stderr, "edit %d: wall %s ms, server cpu %s ms\n", i, ms(s.wall), ms(s.cpu))
	}
	run.peakRSS = c.peakRSS()
	if _, err := c.call("shutdown", nil); err != nil {
		return nil, err
	}
	c.notify("exit", nil)
	c.in.Close()
	if err := c.cmd.Wait(); err != nil {
		return nil, fmt.Errorf("server exit: %v", err)
	}
	run.loaded = loadedPackages(logf)
	return run, nil
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func start(bin string, args []string, dir string) (*conn, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &conn{cmd: cmd, in: in, replies: make(chan json.RawMessage, 1),
		publish: make(chan published, 1024), done: make(chan error, 1)}
	go c.read(bufio.NewReader(out))
	return c, nil
}

// send writes one message.
func (c *conn) send(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	body, _ := json.Marshal(msg)
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

func (c *conn) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and waits for its result (requests are made one
// at a time).
func (c *conn) call(method string, params any) (json.RawMessage, error) {
	c.id++
	c.send(map[string]any{"id": c.id, "method": method, "params": params})
	select {
	case r := <-c.replies:
		return r, nil
	case err := <-c.done:
		return nil, fmt.Errorf("%s: connection closed: %v", method, err)
	case <-time.After(5 * time.Minute):
		return nil, fmt.Errorf("%s: no reply", method)
	}
}

// wait waits for the diagnostics of version of the file u.
func (c *conn) wait(u string, version int32, timeout time.Duration) error {
	deadline := time.After(timeout)
	for {
		select {
		case p := <-c.publish:
			if p.URI == u && p.Version == version {
				return nil
			}
		case err := <-c.done:
			return fmt.Errorf("connection closed waiting for diagnostics: %v", err)
		case <-deadline:
			return fmt.Errorf("no diagnostics for %s version %d after %v", u, version, timeout)
		}
	}
}

// read dispatches the server's messages until the stream ends.
func (c *conn) read(r *bufio.Reader) {
	tp := textproto.NewReader(r)
	for {
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			c.done <- err
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			c.done <- fmt.Errorf("bad header %v", h)
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			c.done <- err
			return
		}
		var m struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Params json.RawMessage `json:"params"`
			Result json.RawMessage `json:"result"`
		}
		if json.Unmarshal(body, &m) != nil {
			continue
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p published
			if json.Unmarshal(m.Params, &p) == nil {
				c.publish <- p
			}
		case m.Method != "" && len(m.ID) > 0: // a request from the server
			c.send(map[string]any{"id": m.ID, "result": nil})
		case m.Method == "" && len(m.ID) > 0:
			c.replies <- m.Result
		}
	}
}

// cpu returns the server's CPU time (user+system) so far.
func (c *conn) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses: utime and
	// stime are the 12th and 13th.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * (time.Second / 100) // USER_HZ
}

// peakRSS returns the server's peak resident set size so far.
func (c *conn) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb << 10
}

// loadedPackages reads the number of packages of the server's full load
// from its log ("analyzed N packages, reused the facts of M").
func loadedPackages(logf string) int {
	b, err := os.ReadFile(logf)
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`analyzed (\d+) packages, reused the facts of (\d+)`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	a, _ := strconv.Atoi(string(m[1]))
	r, _ := strconv.Atoi(string(m[2]))
	return a + r
}
