module github.com/otiai10/copy
