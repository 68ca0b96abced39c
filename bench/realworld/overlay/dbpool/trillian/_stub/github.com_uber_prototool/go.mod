module github.com/uber/prototool
