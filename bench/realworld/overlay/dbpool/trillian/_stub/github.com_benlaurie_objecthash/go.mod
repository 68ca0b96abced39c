module github.com/benlaurie/objecthash
