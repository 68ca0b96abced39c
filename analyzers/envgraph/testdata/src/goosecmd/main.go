// Command goosecmd reads its settings as pressly/goose v3.29.0's
// cmd/goose does.
package main

import (
	"os"
	"strconv"
)

var (
	// DefaultMigrationDir is exported, but no package imports package
	// main, and it is assigned once: its value is the default.
	DefaultMigrationDir = "."
	// DefaultTable is reassigned: its value is not known.
	DefaultTable  = "goose_db_version"
	defaultDriver = "postgres"
)

func init() {
	if len(os.Args) > 5 {
		DefaultTable = os.Args[5]
	}
}

func main() {
	noColor, _ := strconv.ParseBool(envOr("NO_COLOR", "false")) // want `read "NO_COLOR" via main.envOr default "false"`
	_ = noColor
	_ = envOr("GOOSE_MIGRATION_DIR", DefaultMigrationDir) // want `read "GOOSE_MIGRATION_DIR" via main.envOr default "."`
	_ = envOr("GOOSE_DRIVER", defaultDriver)              // want `read "GOOSE_DRIVER" via main.envOr default "postgres"`
	_ = envOr("GOOSE_TABLE", DefaultTable)                // want `read "GOOSE_TABLE" via main.envOr$`
	_ = envOr("GOOSE_DBSTRING", os.Args[0])               // want `read "GOOSE_DBSTRING" via main.envOr$`
}

// envOr returns os.Getenv(key) if set, or else default.
func envOr(key, def string) string {
	val := os.Getenv(key)
	if val == "" {
		val = def
	}
	return val
}
