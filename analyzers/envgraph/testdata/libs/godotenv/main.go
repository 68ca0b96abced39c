package main

import (
	"os"

	"github.com/joho/godotenv"
)

func main() {
	_ = godotenv.Load("app.env") // want `write "APP_NAME" default "shop" loader godotenv` `write "DB_URL" default "postgres://localhost/shop" loader godotenv`
	_ = godotenv.Load()          // want `write "LOCAL_ONLY" default "1" loader godotenv`
	// A file that is not there adds nothing.
	_ = godotenv.Load("missing.env")
	// Read returns the values without setting them.
	_, _ = godotenv.Read("app.env")
	_ = os.Getenv("APP_NAME") // want `read "APP_NAME"`
}
