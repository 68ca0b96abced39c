package gormstore

import "gorm.io/gorm"

func Open(dsn string) (*gorm.DB, error) {
	return gorm.Open(nil, &gorm.Config{})
}
