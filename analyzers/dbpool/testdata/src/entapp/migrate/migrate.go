// Package migrate opens a client for one task and closes it: no load,
// no limit needed.
package migrate

import "entapp/ent"

func Run(dsn string) error {
	client, err := ent.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer client.Close()
	return client.Query("CREATE TABLE t (id int)")
}
