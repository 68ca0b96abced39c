// Package main stands for go test's program of a command whose tests
// start an integration environment (trillian's cmd/get_tree_public_key,
// whose main_test.go imports testonly/integration).
package main

import (
	"testsupport/integration"
	"testsupport/settings"
	"testsupport/store"
)

func main() {
	env, _ := integration.NewEnv()
	env.Query()
	srv, _ := integration.NewServer()
	srv.DB.Exec("SELECT 1")
	store.Dump("dsn")
	cfg, _ := settings.Open("dsn")
	cfg.Get("k")
}
