// Package users counts users.
package users

import "example.com/allchecks/internal/store"

// Count counts users.
func Count() int {
	var n int
	_ = store.DB.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n
}
