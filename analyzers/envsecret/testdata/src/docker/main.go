// Command docker is built by its Dockerfile.
package main

import "os"

func main() {
	_ = os.Getenv("API_TOKEN")
}
