// Command k8s is deployed by deploy.yaml.
package main

import "os"

func main() {
	_ = os.Getenv("DB_PASSWORD")
}
