package main

import (
	"os"

	"example.com/svc/api"
	"example.com/svc/coupon"
	"example.com/svc/order"
	"example.com/svc/store"
	"example.com/svc/user"
	"github.com/gin-gonic/gin"
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
	r := gin.New()
	r.GET("/login", func(c *gin.Context) {
		user.Login(c.Query("name"))
		a.Log("login")
	})
	r.GET("/order", func(c *gin.Context) {
		order.Place(1)
		coupon.Expire([]int{1})
	})
	r.GET("/report", api.Report)
	r.Run(":8080")
}
