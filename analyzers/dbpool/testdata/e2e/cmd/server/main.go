package main

import (
	"net/http"
	"os"

	"example.com/svc/api"
	"example.com/svc/coupon"
	"example.com/svc/order"
	"example.com/svc/store"
	"example.com/svc/user"
)

func main() {
	if err := store.Init(os.Getenv("DSN")); err != nil {
		panic(err)
	}
	audit, err := store.Open(os.Getenv("AUDIT_DSN"))
	if err != nil {
		panic(err)
	}
	a := api.NewAudit(audit)
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		user.Login(r.FormValue("name"))
		a.Log("login")
	})
	http.HandleFunc("/order", func(w http.ResponseWriter, r *http.Request) {
		order.Place(1)
		coupon.Expire([]int{1})
	})
	http.HandleFunc("/report", api.Report)
	http.ListenAndServe(":8080", nil)
}
