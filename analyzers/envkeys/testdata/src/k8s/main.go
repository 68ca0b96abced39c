// Command k8s is deployed by deploy.yaml, which passes PORT on the command
// line ($(PORT)) and reads its database credentials from a Secret that is
// not in the repository.
package main

import "os"

func main() {
	_ = os.Getenv("LOG_LEVEL")
	_ = os.Getenv("DB_PASSWORD") // want `env key "DB_PASSWORD" is not declared in envvet.yaml, deploy.yaml, unless it comes from what envvet cannot read: envFrom secretRef "db-credentials" is not defined in the sources \(deploy.yaml:19\)`
}

// getenv reads key, or def when it is unset.
func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// cacheTTL is an optional setting: the deployment leaves it to the
// default, and no file documents the keys, so it is not reported.
// The negative twin: the same read with a .env.example is reported (in
// package a, SMTP_RETRIES).
func cacheTTL() string { return getenv("CACHE_TTL", "5m") }

// storage fills in an empty STORAGE_TYPE itself (jaeger's all-in-one does
// so with SPAN_STORAGE_TYPE): an optional setting with a default in the
// code, not reported. The negative twin, QUEUE_TYPE, is only compared:
// the deployment must set it.
func storage() {
	if os.Getenv("STORAGE_TYPE") == "" {
		os.Setenv("STORAGE_TYPE", "memory")
	}
	if os.Getenv("QUEUE_TYPE") == "" { // want `env key "QUEUE_TYPE" is not declared in envvet.yaml, deploy.yaml`
		panic("QUEUE_TYPE is required")
	}
}
