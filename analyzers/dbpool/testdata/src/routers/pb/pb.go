// Package pb stands for protoc-gen-go-grpc output.
package pb

import "context"

type GetUserRequest struct{ Id int64 }
type User struct{ Name string }

type UserServiceServer interface {
	GetUser(context.Context, *GetUserRequest) (*User, error)
}

// UnimplementedUserServiceServer is embedded by implementations.
type UnimplementedUserServiceServer struct{}

func (UnimplementedUserServiceServer) GetUser(context.Context, *GetUserRequest) (*User, error) {
	return nil, nil
}
