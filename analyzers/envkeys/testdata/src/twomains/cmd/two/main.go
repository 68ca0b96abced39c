package main

import "os"

func main() { _ = os.Getenv("TWO_KEY") }
