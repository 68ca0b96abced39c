// Command cmd drops a parse error in main: the fix stops the program.
package main

import (
	"os"
	"strconv"
)

func main() {
	port, _ := strconv.Atoi(os.Getenv("PORT")) // want `env key "PORT" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0`
	println(port)
}
