// Command environ passes its whole environment on: no declared key is stale.
package main

import (
	"fmt"
	"os"
)

func main() { fmt.Println(os.Environ()) }
