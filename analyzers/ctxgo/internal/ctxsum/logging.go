package ctxsum

import (
	"go/types"
	"slices"
	"strings"
)

// loggerPackages are logging libraries whose methods and functions take a
// context only to read values from it (trace IDs, request tags).
var loggerPackages = []string{
	"log/slog",
	"go.uber.org/zap",
	"github.com/sirupsen/logrus",
	"github.com/rs/zerolog",
	"github.com/go-logr/logr",
	"k8s.io/klog/v2",
	"github.com/hashicorp/go-hclog",
	"github.com/grpc-ecosystem/go-grpc-middleware/logging/zap/ctxzap",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging",
}

// logLevels are the names of logging calls, once a suffix naming the
// context or the format (WithContext, Context, Ctx, f, w, ln) is cut.
var logLevels = []string{"Debug", "Info", "Warn", "Warning", "Error", "Trace", "Log", "LogAttrs", "Print", "Notice"}

// isLogCall reports whether fn writes a log record: a function or method
// of a logging library, or a method with a logging name (InfoContext,
// ErrorWithContext, Debugf) of a type named *Logger or of a package named
// log, logger or logging (a service's own logging interface). A context
// passed to one is read for values; the record is written whether or not
// the context is cancelled, so it is not work that cancellation cuts
// short. An audit.Log(ctx, entry) that writes to a database is none of
// these.
func isLogCall(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	for _, p := range loggerPackages {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	if !isLogName(fn.Name()) {
		return false
	}
	switch fn.Pkg().Name() {
	case "log", "logger", "logging":
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(n.Obj().Name(), "Logger")
}

func isLogName(name string) bool {
	for _, suffix := range []string{"WithContext", "Context", "Ctx", "f", "w", "ln"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && slices.Contains(logLevels, base) {
			return true
		}
	}
	return slices.Contains(logLevels, name)
}
