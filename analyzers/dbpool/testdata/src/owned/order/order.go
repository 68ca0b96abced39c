package order

import "owned/store"

func Place(id int) error { return store.PlaceOrder(id) }
