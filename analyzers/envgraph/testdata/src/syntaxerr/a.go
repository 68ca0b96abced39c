package syntaxerr

import "os"

func f() {
	_ = os.Getenv("SYNTAX" // want `read "SYNTAX"`
	helper(
}

func helper(key string) string { return os.Getenv(key }
