package dynamic

import "os"

func read(name string) {
	_ = os.Getenv(name)          // want `env key name is not a constant, so envvet cannot check that it is declared`
	_ = os.Getenv("APP_" + name) // want `env key "APP_" \+ name is not a constant`
	_ = os.Getenv("APP_MODE")
}
