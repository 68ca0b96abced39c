// Command shop runs the shop service.
package main

import (
	"log"
	"net/http"

	"example.com/shop/internal/config"
	"example.com/shop/internal/mail"
	"example.com/shop/internal/server"
	"example.com/shop/internal/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	_ = mail.New()
	log.Printf("database %s", store.DSN())
	srv := &http.Server{
		Addr:         cfg.Addr,
		Handler:      server.Handler(),
		ReadTimeout:  cfg.ReadTimeout,
		WriteTimeout: cfg.WriteTimeout,
	}
	log.Fatal(srv.ListenAndServe())
}
