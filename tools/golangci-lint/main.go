// Command golangci-lint is golangci-lint v2.15.0 with envvet's checks
// registered as module plugins. It mirrors golangci-lint's own
// cmd/golangci-lint/main.go; the only addition is the blank import of
// envvet's plugin package, whose init registers the checks.
//
//	cd tools/golangci-lint && go build -o golangci-lint .
package main

import (
	"cmp"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/envvet/envvet/plugin" // init: register.Plugin for each envvet check
)

// Set with -ldflags "-X main.version=...". Leave version empty in development
// builds: golangci-lint then salts its cache with a hash of the executable,
// so a rebuilt plugin never serves stale results from the lint cache.
var (
	version = ""
	commit  = "?"
	date    = "(unknown)"
)

func main() {
	info := commands.BuildInfo{Version: version, Commit: commit, Date: date, GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
		info.Version = cmp.Or(info.Version, bi.Main.Version)
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
