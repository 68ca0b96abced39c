package main

import (
	"migrator/migrations"
	"migrator/store"
)

type server struct {
	st  *store.Store
	mig *migrations.Driver
}

func main() {
	mig, _ := migrations.NewDriver("dsn")
	st, _ := store.New("dsn")
	s := &server{st: st, mig: mig}
	s.mig.Version()
	s.st.Count()
}
