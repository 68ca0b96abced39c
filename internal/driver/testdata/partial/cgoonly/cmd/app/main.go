package main

import (
	"fmt"
	"os"

	"example.com/cgoonly/repo"
)

func main() { fmt.Println(repo.Open(), os.Getenv("APP_TOKEN")) }
