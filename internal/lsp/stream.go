package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"go.lsp.dev/jsonrpc2"
)

// NewStream returns the LSP's header-framed JSON-RPC stream on rwc, as
// jsonrpc2.NewStream does, but writing each message in one write.
// jsonrpc2's stream writes the Content-Length header, then the body: the
// peer, woken by the header, reads it and waits again for the body, and
// the writer may lose its core to the peer in between (on two cores
// under load, 0.1-0.8 ms of an edit's publication). The jsonrpc2
// connection serializes writes.
func NewStream(rwc io.ReadWriteCloser) jsonrpc2.Stream {
	return &stream{Stream: jsonrpc2.NewStream(rwc), w: rwc}
}

type stream struct {
	jsonrpc2.Stream // reads and closes
	w               io.Writer
}

// Write writes msg with its header in one write.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	buf := make([]byte, 0, len(data)+32)
	buf = fmt.Appendf(buf, "%s: %d%s", jsonrpc2.HdrContentLength, len(data), jsonrpc2.HdrContentSeparator)
	buf = append(buf, data...)
	n, err := s.w.Write(buf)
	if err != nil {
		return int64(n), fmt.Errorf("write data to conn: %w", err)
	}
	return int64(n), nil
}
