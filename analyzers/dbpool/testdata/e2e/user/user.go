package user

import "example.com/svc/store"

func Login(name string) error {
	_, err := store.DB.Exec("SELECT 1 FROM users WHERE name = $1", name)
	return err
}
