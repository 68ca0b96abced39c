package b

import "envutil"

func settings() {
	_ = envutil.Get("APP_PORT", "8080")
	_ = envutil.Int("SMTP_TIMEOUT_MS", 3000)
	_ = envutil.Int("SMTP_RETRIES", 3) // want `env key "SMTP_RETRIES" is not declared in .env.example \(read via envutil.Int → envutil.Get\)`
	_ = envutil.Get("SMTP_PORT", "25") // want `env key "SMTP_PORT" is not declared in .env.example \(read via envutil.Get\)`

	// Label's parameter is not a key.
	_ = envutil.Label("NOT_A_KEY")
}
