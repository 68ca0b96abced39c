package manifest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// BenchmarkDockerfileHeredoc parses a Dockerfile whose RUN heredoc has n
// lines: the time per line must stay flat as n grows (joining the body
// line by line was quadratic: 40,000 lines took minutes).
func BenchmarkDockerfileHeredoc(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var sb strings.Builder
		sb.WriteString("FROM alpine\nENV PORT=1\nRUN <<EOF\n")
		for i := range n {
			fmt.Fprintf(&sb, "echo line %d $PORT and some more text\n", i)
		}
		sb.WriteString("EOF\n")
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				m, err := manifest.Parse("Dockerfile", data)
				if err != nil || len(m.Keys) != 1 || !m.Keys[0].Expanded {
					b.Fatalf("Parse: %v, %+v", err, m)
				}
			}
		})
	}
}
