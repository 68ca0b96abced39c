package user

import (
	"shared/gdb"
	"shared/store"
)

func Login(name string) error {
	_, err := store.DB.Exec("SELECT 1 FROM users WHERE name = $1", name)
	return err
}

func Profile(id int) { gdb.G.First(nil, id) }
