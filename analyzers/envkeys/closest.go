package envkeys

import (
	"strings"

	"github.com/envvet/envvet/internal/manifest"
)

// closest returns the declared key that key most likely misspells: the
// only declared key equal to it but for case, or the only one within two
// edits of it. It returns "" when there is no such key or more than one,
// since a wrong guess is worse than none.
func closest(key string, declared []manifest.Key) string {
	if len(key) < 4 {
		return ""
	}
	best, bestDist, ties := "", 3, 0
	for _, k := range declared {
		d := distance(key, k.Name, bestDist)
		if strings.EqualFold(key, k.Name) {
			d = 0
		}
		switch {
		case d < bestDist:
			best, bestDist, ties = k.Name, d, 0
		case d == bestDist && k.Name != best:
			ties++
		}
	}
	if best == "" || ties > 0 {
		return ""
	}
	return best
}

// distance returns the Levenshtein distance between a and b, or any value
// ≥ limit once it is known to be at least limit.
func distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
