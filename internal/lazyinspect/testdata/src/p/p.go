package p

import "os"

func f() string { return os.Getenv("K") }

func g() int { return len(f()) }
