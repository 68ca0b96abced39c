// Package orders counts orders.
package orders

import "example.com/allchecks/internal/store"

// Count counts orders.
func Count() int {
	var n int
	_ = store.DB.QueryRow("SELECT count(*) FROM orders").Scan(&n)
	return n
}
