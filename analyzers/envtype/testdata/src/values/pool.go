package main

import (
	"fmt"
	"os"
	"strconv"
)

// The shape of open-im-server v3.6.0's tools/component/component.go
// (openimsdk/open-im-server#2043): MONGO_DATABASE is read once as a name
// and once, by a copy-paste slip, as the pool size through a helper that
// parses with strconv.Atoi; its env file gives it "openim_v3". The fix
// (#2044, v3.6.1-beta.0) reads MONGO_MAX_POOL_SIZE there, declared as 100.
type mongoConfig struct {
	Database    string
	MaxPoolSize int
}

func mongoFromEnv(c *mongoConfig) error {
	c.Database = getEnv("MONGO_DATABASE", c.Database)
	size, err := getEnvInt("MONGO_DATABASE", c.MaxPoolSize)
	if err != nil {
		return err
	}
	// The fix's read: the value declared for it parses.
	if size, err = getEnvInt("MONGO_MAX_POOL_SIZE", size); err != nil {
		return err
	}
	c.MaxPoolSize = size
	return nil
}

func getEnv(key, fallback string) string {
	if value, exists := os.LookupEnv(key); exists {
		return value
	}
	return fallback
}

func getEnvInt(key string, fallback int) (int, error) {
	if value, exists := os.LookupEnv(key); exists {
		val, err := strconv.Atoi(value)
		if err != nil {
			return 0, fmt.Errorf("string to int failed: %w", err)
		}
		return val, nil
	}
	return fallback, nil
}
