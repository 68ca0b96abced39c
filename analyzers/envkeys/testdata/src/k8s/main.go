// Command k8s is deployed by deploy.yaml, which passes PORT on the command
// line ($(PORT)) and reads its database credentials from a Secret that is
// not in the repository.
package main

import "os"

func main() {
	_ = os.Getenv("LOG_LEVEL")
	_ = os.Getenv("DB_PASSWORD") // want `env key "DB_PASSWORD" is not declared in envvet.yaml, deploy.yaml, unless it comes from what envvet cannot read: envFrom secretRef "db-credentials" is not defined in the sources \(deploy.yaml:19\)`
}
