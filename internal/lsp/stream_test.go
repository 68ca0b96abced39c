package lsp

import (
	"bytes"
	"context"
	"io"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// writes records each Write call.
type writes struct {
	io.Reader
	calls [][]byte
}

func (w *writes) Write(p []byte) (int, error) {
	w.calls = append(w.calls, bytes.Clone(p))
	return len(p), nil
}

func (w *writes) Close() error { return nil }

// TestStreamOneWrite: a message goes out in one write, header and body,
// and jsonrpc2's own stream reads it back.
func TestStreamOneWrite(t *testing.T) {
	w := &writes{Reader: bytes.NewReader(nil)}
	s := NewStream(w)
	params := &protocol.PublishDiagnosticsParams{URI: "file:///a.go", Version: 3, Diagnostics: []protocol.Diagnostic{}}
	for range 2 {
		msg, err := jsonrpc2.NewNotification(protocol.MethodTextDocumentPublishDiagnostics, params)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Write(context.Background(), msg); err != nil {
			t.Fatal(err)
		}
	}
	if len(w.calls) != 2 {
		t.Fatalf("%d writes for 2 messages, want 2", len(w.calls))
	}
	r := jsonrpc2.NewStream(&writes{Reader: bytes.NewReader(bytes.Join(w.calls, nil))})
	for i := range 2 {
		msg, _, err := r.Read(context.Background())
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		n, ok := msg.(*jsonrpc2.Notification)
		if !ok || n.Method() != protocol.MethodTextDocumentPublishDiagnostics || !bytes.Contains(n.Params(), []byte(`"version":3`)) {
			t.Errorf("message %d read back as %#v", i, msg)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	msg, _ := jsonrpc2.NewNotification("x", nil)
	if _, err := s.Write(ctx, msg); err == nil || len(w.calls) != 2 {
		t.Errorf("a write with a cancelled context: %v, %d writes", err, len(w.calls))
	}
}
