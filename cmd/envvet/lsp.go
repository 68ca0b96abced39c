package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/envvet/envvet/internal/lsp"
)

// runLSP runs "envvet lsp": a Language Server Protocol server on stdin
// and stdout (see internal/lsp). Its exit code is 0 after the client's
// shutdown and exit, 1 otherwise, as the protocol asks.
func runLSP(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("envvet lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	logfile := fs.String("logfile", "", "append a trace of the server's work to this file")
	// Hidden flags for bench/lsp: the delay between an edit and its
	// analysis, and a CPU profile of the whole session.
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "")
	cpuprofile := fs.String("cpuprofile", "", "")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: envvet lsp [-logfile file]\n\nenvvet lsp is a language server for editors: it speaks LSP on stdin and stdout.\n\nFlags:\n")
		shown := flag.NewFlagSet("", flag.ContinueOnError)
		shown.SetOutput(stderr)
		shown.Var(fs.Lookup("logfile").Value, "logfile", fs.Lookup("logfile").Usage)
		shown.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "envvet lsp: unexpected arguments %q\n", fs.Args())
		return 2
	}
	opts := lsp.Options{Debounce: *debounce}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "envvet lsp: %v\n", err)
			return 1
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if *logfile != "" {
		f, err := os.OpenFile(*logfile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "envvet lsp: %v\n", err)
			return 1
		}
		defer f.Close()
		opts.Log = f
	}
	if err := lsp.Serve(context.Background(), lsp.Stdio(), opts); err != nil {
		fmt.Fprintf(stderr, "envvet lsp: %v\n", err)
		return 1
	}
	return 0
}
