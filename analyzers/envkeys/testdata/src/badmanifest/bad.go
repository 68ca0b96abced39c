package badmanifest

import "os"

var _ = os.Getenv("GOOD")
