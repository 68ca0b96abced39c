// Command k8s is deployed by deploy.yaml, which sets WORKERS to a word.
package main

import (
	"os"
	"strconv"
)

func main() {
	port, _ := strconv.ParseUint(os.Getenv("PORT"), 10, 16)
	workers, _ := strconv.Atoi(os.Getenv("WORKERS"))
	rate, _ := strconv.ParseFloat(os.Getenv("RATE"), 64)
	_, _, _ = port, workers, rate
}
