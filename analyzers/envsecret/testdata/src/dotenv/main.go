// Command dotenv is configured by .env.example.
package main

import "os"

func main() {
	_ = os.Getenv("DB_PASSWORD")
}
