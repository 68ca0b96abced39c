// Command envs runs in two environments: qa sets QUEUE_POLL_MS to a
// duration, prod to an integer; both set WORKERS to a word.
package main

import (
	"os"
	"strconv"
)

func main() {
	poll, _ := strconv.Atoi(os.Getenv("QUEUE_POLL_MS"))
	workers, _ := strconv.Atoi(os.Getenv("WORKERS"))
	_, _ = poll, workers
}
