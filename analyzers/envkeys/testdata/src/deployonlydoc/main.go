// Command deployonlydoc is the twin of deployonly with a .env.example,
// which documents the program's keys: a key the code handles as left off
// when empty is still reported where that file does not list it.
package main

import (
	"log"
	"os"
	"strings"
)

func main() {
	_ = os.Getenv("DATA_DIR")
	token := strings.TrimSpace(os.Getenv("CLOUD_TOKEN")) // want `env key "CLOUD_TOKEN" is not declared in .env.example`
	if token == "" {
		return
	}
	log.Print(len(token))
}
