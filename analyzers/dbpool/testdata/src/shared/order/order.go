package order

import (
	"shared/gdb"
	"shared/store"
)

func Place(id int) error {
	db := store.Conn()
	_, err := db.Exec("INSERT INTO orders VALUES ($1)", id)
	return err
}

func Archive(id int) { gdb.G.Create(id) }
