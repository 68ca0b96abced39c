package fallback

import (
	"cmp"
	"os"

	"fallback/lenv"
)

func helper() {
	// FB_MODE is declared: the legacy FB_API_MODE is read only when it is unset.
	_ = lenv.GetOneWithFallback("FB_MODE", "anycast", "FB_API_MODE")
	// Neither is declared: both are reported.
	_ = lenv.GetOneWithFallback("FB_ZONE", "", "FB_OLD_ZONE") // want `env key "FB_ZONE" is not declared` `env key "FB_OLD_ZONE" is not declared`
	// GetAll reads every key it is given, the second as much as the first.
	_ = lenv.GetAll("FB_HOST", "FB_PASSWORD") // want `env key "FB_PASSWORD" is not declared`
}

func inline() string {
	token := os.Getenv("FB_TOKEN")
	if token == "" {
		token = os.Getenv("FB_API_TOKEN")
	}

	region, ok := os.LookupEnv("FB_REGION")
	if !ok {
		region = os.Getenv("AWS_REGION_LEGACY")
	}

	// The primary is undeclared: its fallback is reported too.
	secret := os.Getenv("FB_SECRET") // want `env key "FB_SECRET" is not declared`
	if secret == "" {
		secret = os.Getenv("FB_API_SECRET") // want `env key "FB_API_SECRET" is not declared`
	}

	// Not a fallback: FB_PORT is read whether FB_HOST is set or not.
	host := os.Getenv("FB_HOST")
	port := os.Getenv("FB_PORT") // want `env key "FB_PORT" is not declared`
	if host == "" {
		host = "localhost"
	}

	// Read when FB_USER is set, not instead of it.
	user := os.Getenv("FB_USER")
	if user != "" {
		user += os.Getenv("FB_USER_SUFFIX") // want `env key "FB_USER_SUFFIX" is not declared`
	}
	return token + region + secret + host + port + user
}

func early() string {
	if v := os.Getenv("FB_LEVEL"); v != "" {
		return v
	}
	return os.Getenv("FB_LOG_LEVEL")
}

func or() string {
	return cmp.Or(os.Getenv("FB_REGION"), os.Getenv("FB_DEFAULT_REGION"), "eu") +
		cmp.Or(os.Getenv("FB_CITY"), os.Getenv("FB_TOWN")) // want `env key "FB_CITY" is not declared` `env key "FB_TOWN" is not declared`
}
