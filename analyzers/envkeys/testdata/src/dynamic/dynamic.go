package dynamic

import "os"

// names is computed at run time: its reads have no constant key.
var names = map[string]string{"mode": "APP_MODE"}

func read() {
	name := names["mode"]
	_ = os.Getenv(name)          // want `env key name is not a constant, so envvet cannot check that it is declared`
	_ = os.Getenv("APP_" + name) // want `env key "APP_" \+ name is not a constant`
	_ = os.Getenv("APP_MODE")
}

// get is a helper: its parameter is checked at each call, not here.
func get(key string) string { return os.Getenv(key) }

func calls() {
	_ = get("APP_MODE")
	_ = get("APP_MDOE") // want `env key "APP_MDOE" is not declared in .env.example; did you mean "APP_MODE"\? \(read via dynamic.get\)`
	_ = get(names["x"]) // want `env key names\["x"\] is not a constant, so envvet cannot check that it is declared \(read via dynamic.get\)`
}
