package user

import "owned/store"

func Login(name string) error { return store.FindUser(name) }
