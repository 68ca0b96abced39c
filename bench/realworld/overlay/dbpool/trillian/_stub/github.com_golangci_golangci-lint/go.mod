module github.com/golangci/golangci-lint
