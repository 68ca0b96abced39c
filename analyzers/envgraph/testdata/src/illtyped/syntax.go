package illtyped

import "os"

func syntax() {
	_ = os.Getenv("SYNTAX" // want `read "SYNTAX"`
}
