package main

import (
	"context"
	"os"
	"time"
)

func main() {
	_ = os.Getenv("APP_MOD")
	greeting, mode := "héllo, 世界 😀", os.Getenv("app_mode")
	_, _ = greeting, mode
	_ = os.Getenv("APP_MOD")

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	go func() {
		<-ctx.Done()
	}()
	_ = cancel

	//envvet:ignore envkeys the platform sets HOMEDIR
	_ = os.Getenv("HOMEDIR")
	_ = port()
}
