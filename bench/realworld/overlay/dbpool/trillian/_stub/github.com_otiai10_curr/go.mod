module github.com/otiai10/curr
