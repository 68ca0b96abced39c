// Package poll reads QUEUE_POLL as an integer number of milliseconds.
package poll

import (
	"os"
	"strconv"
)

// Interval returns the poll interval in milliseconds.
func Interval() int {
	n, _ := strconv.Atoi(os.Getenv("QUEUE_POLL"))
	return n
}

// Rate parses QUEUE_RATE as a float.
func Rate() float64 {
	f, _ := strconv.ParseFloat(os.Getenv("QUEUE_RATE"), 64)
	return f
}
