package main // want package:`envPackage\(keys=MAIN_DIRECT,MAIN_KEY helpers\)`

import (
	"envutil"
	"factsonly"
	"os"
)

func main() {
	_ = envutil.Get("MAIN_KEY", "x")
	_ = os.Getenv("MAIN_DIRECT")
	factsonly.F()
}
