// Command oneshot migrates the schema through a jinzhu/gorm pool that it
// closes before it returns: a one-shot pool, not a pool under load.
package main

import "github.com/jinzhu/gorm"

type user struct{ Name string }

func main() {
	db, err := gorm.Open("sqlite3", "app.db")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.AutoMigrate(&user{})
}
