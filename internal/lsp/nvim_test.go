package lsp_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/modtest"
)

// TestNeovim drives envvet lsp from Neovim's built-in LSP client
// (headless, 0.7 or later) on a copy of the example module: the
// diagnostics of internal/mail/mail.go appear at their lines, the quick
// fix changes the buffer and the diagnostic goes, and "Declare" appends
// the key to the manifest's buffer. It skips where nvim is not installed
// (Debian: apt-get install -y neovim).
func TestNeovim(t *testing.T) {
	t.Parallel()
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not found in $PATH: install Neovim (Debian: apt-get install -y neovim) to run the editor end-to-end test")
	}
	if testing.Short() {
		t.Skip("-short: skipping the editor end-to-end test")
	}
	tmp := t.TempDir()
	envvet := modtest.Envvet(t)
	root := filepath.Join(tmp, "example")
	if err := os.CopyFS(root, os.DirFS("../../example")); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/nvim_e2e.lua")
	if err != nil {
		t.Fatal(err)
	}
	outFile, logFile := filepath.Join(tmp, "out.txt"), filepath.Join(tmp, "lsp.log")
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "ROOT="+root, "OUT="+outFile, "ENVVET="+envvet, "LOGFILE="+logFile)
	nvimOut, runErr := cmd.CombinedOutput()
	got, _ := os.ReadFile(outFile)
	logText, _ := os.ReadFile(logFile)
	t.Logf("nvim reported:\n%s", got)
	if runErr != nil || !strings.Contains(string(got), "\nOK\n") {
		t.Fatalf("nvim: %v\n%s\nserver log:\n%s", runErr, nvimOut, logText)
	}
	for _, want := range []string{
		`diag 26:21 envvet envkeys env key "SMTP_FORM" is not declared in .env.example; did you mean "SMTP_FROM"? (read via envutil.Get)`,
		`diag 29:38 envvet envkeys env key "SMTP_TIMEOUT_MS" is not declared in .env.example (read via envutil.Int → envutil.Get)`,
		`action quickfix Replace "SMTP_FORM" with "SMTP_FROM"`,
		`action quickfix Declare SMTP_FORM in .env.example`,
		`line26 		from: envutil.Get("SMTP_FROM", "shop@localhost"),`,
		`typo-cleared true`,
		`action quickfix Declare SMTP_TIMEOUT_MS in .env.example`,
		`env-last SMTP_TIMEOUT_MS=`,
	} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("missing %q", want)
		}
	}
	if t.Failed() {
		t.Logf("server log:\n%s", logText)
	}
}
