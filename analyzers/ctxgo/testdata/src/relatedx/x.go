package relatedx

import (
	"net/http"

	"relatedlib"
)

type H struct{ N *relatedlib.Notifier }

func (h *H) Event(w http.ResponseWriter, r *http.Request) {
	h.N.Notify(r.Context(), "event") // want `r.Context\(\) is cancelled when Event returns, but h.N.Notify keeps using it in a goroutine`
	w.WriteHeader(http.StatusAccepted)
}
