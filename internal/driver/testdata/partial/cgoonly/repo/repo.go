package repo

import (
	"os"

	git "example.org/git2go/git"
)

func Open() error { _, err := git.Open(os.Getenv("REPO_PATH")); return err }
