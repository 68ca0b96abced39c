// Package envkeys defines an Analyzer that compares the environment
// variables a program reads with the ones its manifest declares.
//
// # Analyzer envkeys
//
// envkeys: report environment variables read but not declared, and declared but never read
//
// A key that the deployment does not set reads as "" at run time, and
// the program silently runs with a zero value:
//
//	mode := os.Getenv("APP_MOD") // env key "APP_MOD" is not declared in .env.example; did you mean "APP_MODE"?
//
// envkeys finds the manifest by walking up from the package's directory
// to its module root; the first directory with a manifest file gives it:
// its envvet.yaml (or envvet.yml), else its dotenv example file
// (.env.example, .env.sample, .env.template, .env.dist, in that order). The
// -envkeys.manifest flag names the files instead; relative paths are
// resolved against the module root, the same in every driver. With no
// manifest, envkeys reports nothing.
//
// Every read whose key is a constant is checked: os.Getenv, os.LookupEnv,
// syscall.Getenv, each $KEY of a constant os.ExpandEnv template, calls of
// helpers that pass their parameter to such a read (in any package), the
// fields of structs loaded by caarlos0/env, envconfig, go-envconfig,
// kong, cleanenv, configor, viper.BindEnv, the env keys of urfave/cli flags,
// and the keys ff derives from flag names. The diagnostic sits at the key
// argument, the struct field or the template, and names the helper chain:
//
//	env key "SMTP_TIMEOUT_MS" is not declared in .env.example (read via envutil.Int → envutil.Get)
//
// A flag or field that names several keys, tried in turn until one is
// set (EnvVars: []string{"APP_TOKEN", "TOKEN"}, env:"PORT,HTTP_PORT",
// viper.BindEnv("token", "APP_TOKEN", "TOKEN") or a helper that hands
// its arguments on to it), needs one of them declared, and is reported
// once, at the first:
//
//	env key "APP_TOKEN" (or "TOKEN") is not declared in .env.example
//
// A key read only when another key is unset is a legacy alias: it needs
// no declaration when that other key is declared, since the deployment
// sets the key the program reads first.
//
//	token := os.Getenv("API_TOKEN")
//	if token == "" {
//		token = os.Getenv("TOKEN") // not reported when API_TOKEN is declared
//	}
//
// The same holds after if v != "" { return v }, for the later arguments
// of cmp.Or, and for helpers of any package that try a first key and then
// others (lego's env.GetOneWithFallback). When the first key is not
// declared either, both are reported.
//
// When the manifest is made of deployment files only (Kubernetes,
// Kustomize, Compose, Dockerfile) and no file documents the program's
// keys (no dotenv file such as .env.example, no envvet.yaml keys:), a
// read with a default in the code is an optional setting the deployment
// leaves to that default, and is not reported; a read without a default
// is. A read whose empty value the code handles where it reads it as the
// setting left off is optional too, as if "" were its default: it leaves
// (if token == "" { return }), falls back on a value of its own, or on
// another key handled so in turn, or uses the value only where it is set
// (if url != "" { cfg.URL = url }). A read whose empty value is an
// error, a panic, a fatal log or a usage or help message, is returned to
// the caller as it is, or is used unchecked, is still reported. A key a
// deployment sets under a misspelt name is still found, as declared but
// never read. A key asked of a configuration library that lets the
// environment override its config file (viper.GetString("http.port")
// under AutomaticEnv, koanf's env provider, the fields of cleanenv's
// ReadConfig and of configor) needs no declaration either, whatever the
// manifest: the file may set it. It still counts as read, and an explicit
// viper.BindEnv("db.url", "DATABASE_URL") is still reported.
//
// When a declared key is one or two edits away, the diagnostic asks "did
// you mean" and, where the key is a string literal at the reference,
// offers a fix that replaces it.
//
// Well-known process variables (HOME, PATH, USER, TMPDIR, TZ, LANG, LC_*,
// GODEBUG, GOMAXPROCS, GOGC, ...) need no declaration, nor do those a
// platform sets in the processes it runs (a GitHub Actions runner's
// RUNNER_OS, the AZURE_FEDERATED_TOKEN_FILE of Azure Workload Identity's
// webhook, EKS's AWS_WEB_IDENTITY_TOKEN_FILE, Fly.io's FLY_APP_NAME);
// -envkeys.allow adds
// keys, and patterns as path.Match reads them (AWS_*, *_FILE), to that
// list.
//
// Keys that are not constants (os.Getenv(name)) cannot be checked; with
// -envkeys.dynamic each such read is reported.
//
// # Declared but never read
//
// The program's main package sees, through facts, every key that any
// package of the program reads, third-party dependencies included. A
// declared key that none of them reads is reported once, on its line in
// the manifest:
//
//	.env.example:7:1: env key "LEGACY_SMTP_HOST" is declared in .env.example but never read
//
// A program that reads the whole environment (os.Environ), or reads
// dynamic keys with a constant prefix that matches, makes no key stale.
// When several main packages share one manifest, no single program's
// view decides. go vet and golangci-lint analyze one package at a time,
// so there envkeys reports no unread keys rather than call a key unread
// that another program reads. The standalone envvet command analyzes all
// of them: each main package returns the keys its program does not read
// (a Result), and envvet reports the keys that none reads, provided every
// main package sharing the manifest was analyzed.
//
// # Environments
//
// When envvet.yaml names environments (environments: dev, staging, prod,
// each with its own sources), each is checked on its own. A key that a
// loader requires (env:"X,required") or that envvet.yaml declares
// required: true is reported once per environment that does not set it,
// at the environment's overlay (its first kustomization.yaml) or else at
// its entry in envvet.yaml:
//
//	deploy/overlays/prod/kustomization.yaml:1:1: env key "PAY_DB_NAME" is required by config.DB.Name but environment prod does not set it
//
// A key read without a default is reported only for an environment that
// leaves it unset while every other environment, and at least two, set
// it; a key that some environments leave unset is optional. Defaults in
// the code or the manifest, os.LookupEnv, test files, and environments
// with an envFrom that envvet cannot resolve are not reported, nor is a
// key whose envvet.yaml declaration has ignore: {envkeys: reason}. The
// keys environments set are declarations for the checks above.
package envkeys
