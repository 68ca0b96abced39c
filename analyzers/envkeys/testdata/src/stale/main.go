// Command stale reads some of its declared keys.
package main

import (
	"os"

	"stale/plugins"
)

func main() {
	_ = os.Getenv("READ_KEY")
	plugins.Load("alpha")
}
