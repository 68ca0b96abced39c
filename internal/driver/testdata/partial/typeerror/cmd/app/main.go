package main

import (
	"fmt"
	"os"

	"example.com/typeerror/config"
	"example.com/typeerror/scratch"
)

func main() { fmt.Println(config.DB(), os.Getenv("APP_KEY"), scratch.F()) }
