package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/envvet/envvet/internal/lsp"
)

// A serverRun is what one session with the server measured.
type serverRun struct {
	first sample   // didOpen to the file's first diagnostics
	edits []sample // didChange to the first diagnostics of that version
	done  []sample // didChange to the end of that version's analysis (the server's log)
	// client holds, for edits, the CPU figures as this process reads them
	// when it receives a publication (schedstat), beside the server's own
	// (edits, done) when its log has them: read late whenever this
	// process is descheduled, they then include work that came after.
	client []sample
	// server holds, per edit with an early publication, the wall times
	// the server's log gives: from the receipt of the didChange to the
	// early publication (wall) and, of that, the type-check of the
	// changed files (check; goTypes is go/types' part of it, -1 where
	// the server does not log it) and the engine's run (engine).
	server  []serverSplit
	logCPU  bool  // edits' and done's CPU are the server's own figures
	early   int   // analyses that published the file's package before its test variants (the server's log)
	peakRSS int64 // the server's VmHWM, bytes
	loaded  int   // packages the server type-checked to analyze (its log)
}

// A serverSplit is one edit's first publication as the server's log
// times it (wall clock).
type serverSplit struct{ wall, check, goTypes, engine time.Duration }

// A conn is the client end of an LSP session over a child's stdio,
// spoken with go.lsp.dev/jsonrpc2 as the server does.
type conn struct {
	log     *logTail // the server's log, read as it grows
	cmd     *exec.Cmd
	rpc     jsonrpc2.Conn
	publish chan published // publishDiagnostics notifications
	// incremental is set when the server takes incremental changes: an
	// edit then sends the range it replaced, as editors do.
	incremental bool
}

type published struct {
	URI     protocol.DocumentURI
	Version uint32
}

// measureServer starts the server, opens path, waits for its first
// diagnostics, then makes n one-line edits and times each. The server
// logs to logf, or to a temporary file if it is empty.
func measureServer(bin string, args []string, root, path string, n int, logf string, pause time.Duration, between func(i int) error) (*serverRun, error) {
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
	u := uri.File(path)
	var init protocol.InitializeResult
	if err := c.callResult(protocol.MethodInitialize, &protocol.InitializeParams{
		ProcessID: int32(os.Getpid()), RootURI: uri.File(root), ClientInfo: &protocol.ClientInfo{Name: "bench/lsp"},
	}, &init); err != nil {
		return nil, err
	}
	c.incremental = incrementalSync(&init)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	run := &serverRun{}
	c0, t0 := c.cpu(), time.Now()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: string(orig)}})
	if err := c.wait(u, 1, 60*time.Minute); err != nil {
		return nil, err
	}
	run.first = sample{wall: time.Since(t0), cpu: c.cpu() - c0}
	c.log = &logTail{name: logf}
	if err := c.log.waitDone(1, 10*time.Minute); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "first diagnostics: wall %s ms, server cpu %s ms\n", ms(run.first.wall), ms(run.first.cpu))
	if a := c.log.analysis(1); a.start >= 0 {
		// A server that logs its CPU collects the load's garbage after
		// the first analysis: let it end before the first edit.
		if err := c.log.waitCollected(10 * time.Minute); err != nil {
			return nil, err
		}
	}
	if err := c.edits(run, u, orig, n, pause, between); err != nil {
		return nil, err
	}
	run.peakRSS = c.peakRSS()
	if err := c.call(protocol.MethodShutdown, nil); err != nil {
		return nil, err
	}
	c.notify(protocol.MethodExit, nil)
	c.rpc.Close()
	if err := c.cmd.Wait(); err != nil {
		return nil, fmt.Errorf("server exit: %v", err)
	}
	run.loaded = loadedPackages(logf)
	return run, nil
}

// edits makes n one-line edits of the open file u and times each, from
// the didChange to the publishDiagnostics of that version.
//
// The CPU figures are the server's own when its log gives them: its CPU
// when it received the didChange, when it published the file's package
// before its test variants (or, without that publication, when the
// analysis ended) and when the analysis ended. After edit i's analysis
// ended it calls between(i) (the floor's sample, taken while the server
// is idle), then pauses for pause, as a user between two bursts of typing.
func (c *conn) edits(run *serverRun, u protocol.DocumentURI, orig []byte, n int, pause time.Duration, between func(i int) error) error {
	ed := &editor{text: orig, incremental: c.incremental}
	for i := 1; i <= n; i++ {
		if pause > 0 {
			time.Sleep(pause)
		}
		version := int32(i + 1)
		c0, t0 := c.cpu(), time.Now()
		change := ed.change(edited(orig, i))
		c.notify(protocol.MethodTextDocumentDidChange, &lsp.DidChangeParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
			ContentChanges: []lsp.ContentChange{change},
		})
		if err := c.wait(u, version, 30*time.Minute); err != nil {
			return err
		}
		s := sample{wall: time.Since(t0), cpu: c.cpu() - c0}
		run.edits = append(run.edits, s)
		// The server may publish a package's diagnostics before it has
		// analyzed its test variants: the edit's work ends with the
		// analysis, which the server logs after its last publication.
		if err := c.log.waitDone(i+1, 30*time.Minute); err != nil {
			return err
		}
		d := sample{wall: time.Since(t0), cpu: c.cpu() - c0}
		run.client = append(run.client, s)
		if a := c.log.analysis(i + 1); a.change >= 0 && a.done >= 0 {
			first := a.done
			if a.early >= 0 {
				first = a.early
			}
			s.cpu, d.cpu = first-a.change, a.done-a.change
			run.edits[len(run.edits)-1] = s
			run.logCPU = true
		}
		if a := c.log.analysis(i + 1); a.first >= 0 && a.check >= 0 && a.engine >= 0 {
			run.server = append(run.server, serverSplit{a.first, a.check, a.goTypes, a.engine})
		}
		run.done = append(run.done, d)
		run.early = c.log.early
		fmt.Fprintf(os.Stderr, "edit %d: first publish wall %s ms, cpu %s ms; analysis done wall %s ms, cpu %s ms\n", i, ms(s.wall), ms(s.cpu), ms(d.wall), ms(d.cpu))
		if err := between(i); err != nil {
			return fmt.Errorf("floor: %v", err)
		}
	}
	return nil
}

// childIO joins a child's stdout and stdin into a stream; closing it
// closes the child's stdin.
type childIO struct {
	io.Reader
	io.WriteCloser
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
	c := &conn{cmd: cmd, rpc: jsonrpc2.NewConn(lsp.NewStream(childIO{out, in})), publish: make(chan published, 1024)}
	c.rpc.Go(context.Background(), c.handle)
	return c, nil
}

// handle records publishDiagnostics and answers the server's requests
// (none is expected) with null.
func (c *conn) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
		var p protocol.PublishDiagnosticsParams
		if json.Unmarshal(req.Params(), &p) == nil {
			c.publish <- published{URI: p.URI, Version: p.Version}
		}
	}
	return reply(ctx, nil, nil)
}

func (c *conn) notify(method string, params any) {
	_ = c.rpc.Notify(context.Background(), method, params) // a broken connection shows in wait
}

// call sends a request and waits for its reply.
func (c *conn) call(method string, params any) error {
	return c.callResult(method, params, nil)
}

// callResult calls method and decodes its result into result.
func (c *conn) callResult(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := c.rpc.Call(ctx, method, params, result); err != nil {
		return fmt.Errorf("%s: %v", method, err)
	}
	return nil
}

// wait waits for the diagnostics of version of the file u.
func (c *conn) wait(u protocol.DocumentURI, version int32, timeout time.Duration) error {
	deadline := time.After(timeout)
	for {
		select {
		case p := <-c.publish:
			if p.URI == u && p.Version == uint32(version) {
				return nil
			}
		case <-c.rpc.Done():
			return fmt.Errorf("connection closed waiting for diagnostics: %v", c.rpc.Err())
		case <-deadline:
			return fmt.Errorf("no diagnostics for %s version %d after %v", u, version, timeout)
		}
	}
}

// cpu returns the server's CPU time so far: the nanoseconds its threads
// ran (/proc/PID/task/*/schedstat; the Go runtime keeps its threads), or
// utime+stime in 10 ms ticks where schedstat is missing. An edit costs
// a few ticks: tick counts would round the figures to 10 ms.
func (c *conn) cpu() time.Duration {
	pid := c.cmd.Process.Pid
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var ns int64
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
			v, _ := strconv.ParseInt(f[0], 10, 64)
			ns += v
		}
	}
	if ns > 0 {
		return time.Duration(ns)
	}
	return c.ticks(pid)
}

// ticks returns utime+stime of the process, from /proc/PID/stat.
func (c *conn) ticks(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
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

// A logTail reads the server's log as it grows, counting the analyses
// that ended ("analysis of N open files: ..."; a superseded one logs
// "analysis superseded") and, where the server logs its CPU time, the
// CPU of each analysis's start, early publication and end.
type logTail struct {
	name      string
	off       int64
	part      []byte // an unfinished line
	done      int
	early     int // analyses that published some files before their test variants
	collected int // collections of a load's garbage
	marks     []analysisCPU
}

// An analysisCPU holds the server's CPU time at the events of one
// analysis, -1 where not logged: the receipt of the last didChange
// before it, its start, its early publication and its end. It holds
// too, from the same lines, the server's wall clock between the receipt
// of the didChange and the early publication (first), and the wall times
// the server logs for the type-check of the changed files (check) and
// for the engine's run before the test variants (engine), -1 where not
// logged.
type analysisCPU struct {
	change, start, early, done    time.Duration
	first, check, goTypes, engine time.Duration
	changeAt                      time.Time
}

var noCPU = analysisCPU{-1, -1, -1, -1, -1, -1, -1, -1, time.Time{}}

var (
	didChange     = regexp.MustCompile(`<- textDocument/didChange`)
	analysisStart = regexp.MustCompile(`analysis \d+ started`)
	analysisEnd   = regexp.MustCompile(`analysis of \d+ open files`)
	publishEarly  = regexp.MustCompile(`published the diagnostics of \d+ files before the test variants`)
	loadCollected = regexp.MustCompile(`collected the garbage of the load`)
	cpuMark       = regexp.MustCompile(`\(cpu (\d+)us\)$`)
	logTime       = regexp.MustCompile(`^envvet lsp: (\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{6}) `)
	checkAgain    = regexp.MustCompile(`changed files type-checked again in (\S+)(?: \(go/types \S+\))?$`)
	goTypes       = regexp.MustCompile(`changed files type-checked again in \S+ \(go/types (\S+)\)$`)
	engineFirst   = regexp.MustCompile(`before the test variants, in (\S+)$`)
)

// lineTime returns the time the server logged line at (its log has
// microseconds), and false if the line has none.
func lineTime(line []byte) (time.Time, bool) {
	m := logTime.FindSubmatch(line)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006/01/02 15:04:05.000000", string(m[1]))
	return t, err == nil
}

// loggedDuration returns the duration re's first group matches in line,
// or -1.
func loggedDuration(re *regexp.Regexp, line []byte) time.Duration {
	if m := re.FindSubmatch(line); m != nil {
		if d, err := time.ParseDuration(string(m[1])); err == nil {
			return d
		}
	}
	return -1
}

// analysis returns the CPU marks of the n-th analysis (from 1) that
// ended, or all -1.
func (l *logTail) analysis(n int) analysisCPU {
	if n < 1 || n > len(l.marks) {
		return noCPU
	}
	return l.marks[n-1]
}

// waitCollected waits for the server's collection of its first load.
func (l *logTail) waitCollected(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for l.collected == 0 {
		if err := l.read(); err != nil {
			return err
		}
		if l.collected > 0 {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server logged no collection of its load after %v", timeout)
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

// waitDone waits until n analyses have ended, polling every millisecond.
func (l *logTail) waitDone(n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for l.done < n {
		if err := l.read(); err != nil {
			return err
		}
		if l.done >= n {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server logged %d ended analyses after %v, want %d", l.done, timeout, n)
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

func (l *logTail) read() error {
	f, err := os.Open(l.name)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, l.off, 1<<40))
	if err != nil {
		return err
	}
	l.off += int64(len(b))
	b = append(l.part, b...)
	i := bytes.LastIndexByte(b, '\n')
	l.part = slices.Clone(b[i+1:])
	for line := range bytes.SplitSeq(b[:i+1], []byte("\n")) {
		cpu := time.Duration(-1)
		if m := cpuMark.FindSubmatch(line); m != nil {
			us, _ := strconv.ParseInt(string(m[1]), 10, 64)
			cpu = time.Duration(us) * time.Microsecond
		}
		if len(l.marks) == l.done {
			l.marks = append(l.marks, noCPU)
		}
		cur := &l.marks[l.done]
		at, timed := lineTime(line)
		switch {
		case didChange.Match(line):
			cur.change = cpu
			cur.changeAt = at
		case analysisStart.Match(line):
			cur.start, cur.early = cpu, -1 // a superseded analysis's marks are dropped
			cur.first, cur.check, cur.goTypes, cur.engine = -1, -1, -1, -1
		case checkAgain.Match(line):
			cur.check = loggedDuration(checkAgain, line)
			cur.goTypes = loggedDuration(goTypes, line)
		case engineFirst.Match(line):
			cur.engine = loggedDuration(engineFirst, line)
		case publishEarly.Match(line):
			l.early++
			cur.early = cpu
			if timed && !cur.changeAt.IsZero() {
				cur.first = at.Sub(cur.changeAt)
			}
		case analysisEnd.Match(line):
			cur.done = cpu
			l.done++
		case loadCollected.Match(line):
			l.collected++
		}
	}
	return nil
}
