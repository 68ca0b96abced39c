// Command compose is run by docker-compose.yml.
package main

import "os"

func main() {
	_ = os.Getenv("DB_PASSWORD")
}
