// Package cli runs the server for main: its pool serves the program even
// though Run closes it when the server stops.
package cli

import (
	"database/sql"

	"nolimit/repo"
)

func Run(dsn string) error {
	db, err := sql.Open("postgres", dsn) // main wants `pool opened by sql.Open in cli.Run and kept in repo.Repo.db is never limited: nothing in the program calls SetMaxOpenConns on it`
	if err != nil {
		return err
	}
	defer db.Close()
	r := repo.New(db)
	r.Find()
	return nil
}
