// Command marked declares its secrets in envvet.yaml.
package main

import "os"

func main() {
	_ = os.Getenv("DB_CREDENTIALS")
}
