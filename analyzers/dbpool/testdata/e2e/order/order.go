package order

import "example.com/svc/store"

func Place(id int) error {
	_, err := store.DB.Exec("INSERT INTO orders VALUES ($1)", id)
	return err
}
