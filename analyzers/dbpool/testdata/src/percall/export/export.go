// Package export is a one-shot helper in a package of its own: it opens,
// uses and closes a pool, behind a signature without a pool in it.
package export

import "database/sql"

func All() error {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("COPY x TO STDOUT")
	return err
}
