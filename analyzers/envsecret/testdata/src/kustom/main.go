// Command kustom is deployed by the kustomization in deploy.
package main

import "os"

func main() {
	_ = os.Getenv("API_TOKEN")
}
