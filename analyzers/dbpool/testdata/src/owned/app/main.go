package main

import (
	"owned/order"
	"owned/store"
	"owned/user"
)

func main() {
	store.Open("dsn")
	store.DB.Ping()
	user.Login("ann")
	order.Place(1)
}
