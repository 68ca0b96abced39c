// Command yamlignore reads USED; LEGACY_HOST is unread but its ignore:
// field suppresses that; STALE is reported.
package main

import "os"

func main() { _ = os.Getenv("USED") }
