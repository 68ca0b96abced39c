// Package tuned opens the pool itself, limits it, and hands it to ent:
// the remedy the finding names.
package tuned

import (
	"database/sql"

	entsql "entgo.io/ent/dialect/sql"

	"entapp/ent"
)

func New(dsn string) (*ent.Client, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	return ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db))), nil
}
