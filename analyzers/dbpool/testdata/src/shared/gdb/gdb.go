// Package gdb keeps a gorm handle, whose pool is limited through DB().
package gdb

import "gorm.io/gorm"

var G *gorm.DB

func Init() error {
	var err error
	G, err = gorm.Open(nil, &gorm.Config{}) // main wants `gdb.G \(max 15 open\) is shared by 2 packages: order, user; one slow package starves the others`
	if err != nil {
		return err
	}
	sqlDB, err := G.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(15)
	return nil
}
