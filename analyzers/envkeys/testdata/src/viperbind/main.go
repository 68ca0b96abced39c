// Command viperbind binds its settings' environment names as openfga's
// cmd/run does: viper tries the names that one BindEnv call binds to its
// key in order, and takes the first that is set.
package main

import "github.com/spf13/viper"

// mustBindEnv hands its arguments on to viper.BindEnv, as openfga's
// util.MustBindEnv does.
func mustBindEnv(input ...string) {
	if err := viper.BindEnv(input...); err != nil {
		panic(err)
	}
}

// bindTwo binds its arguments to two viper keys of their own.
func bindTwo(a, b string) {
	viper.BindEnv("cache.ttl", a)
	viper.BindEnv("cache.dir", b)
}

func main() {
	// The documented name, then its legacy spelling: the legacy name is
	// tried only after the declared one and needs no declaration.
	mustBindEnv("datastore.maxOpenConns", "APP_DATASTORE_MAX_OPEN_CONNS", "APP_DATASTORE_MAXOPENCONNS")
	viper.BindEnv("log.level", "APP_LOG_LEVEL", "LOG_LEVEL")
	// Declaring a later name will do as well.
	viper.BindEnv("http.addr", "APP_HTTP_ADDR", "HTTP_ADDR")
	// None of the names is declared: reported once, at the first.
	mustBindEnv("profiler.addr", "APP_PROFILER_ADDRESS", "APP_PROFILER_LISTEN") // want `env key "APP_PROFILER_ADDRESS" \(or "APP_PROFILER_LISTEN"\) is not declared in .env.example`
	viper.BindEnv("cache.size", "APP_CACHE_SIZE", "CACHE_SIZE")                 // want `env key "APP_CACHE_SIZE" \(or "CACHE_SIZE"\) is not declared in .env.example`
	// One name: reported as it is.
	mustBindEnv("batch.max", "APP_MAX_CHECKS_PER_BATCH") // want `env key "APP_MAX_CHECKS_PER_BATCH" is not declared in .env.example`
	// Two keys of their own, not names of one key: declaring the first
	// does not excuse the second.
	bindTwo("APP_DECLARED", "APP_CACHE_DIR") // want `env key "APP_CACHE_DIR" is not declared in .env.example`
	// Two calls with one name each stay apart too.
	viper.BindEnv("grpc.addr", "APP_GRPC_ADDR")
	viper.BindEnv("grpc.tls", "APP_GRPC_TLS") // want `env key "APP_GRPC_TLS" is not declared in .env.example`
}
