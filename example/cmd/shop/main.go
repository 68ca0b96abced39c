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
	// Wrong: cfg.DB.MaxOpen (DB_MAX_OPEN) is loaded but never applied with
	// db.SetMaxOpenConns, so under load the pool opens connections until
	// Postgres refuses them.
	db, err := store.Open()
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	srv := &http.Server{
		Addr:         cfg.Addr,
		Handler:      server.Handler(store.New(db), cfg.ReportsDB),
		ReadTimeout:  cfg.ReadTimeout,
		WriteTimeout: cfg.WriteTimeout,
	}
	log.Fatal(srv.ListenAndServe())
}
