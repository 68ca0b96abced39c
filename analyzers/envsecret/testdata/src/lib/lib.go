// Package lib shares k8s's manifest but is no program: nothing is
// reported here.
package lib

import "os"

func Password() string { return os.Getenv("DB_PASSWORD") }
