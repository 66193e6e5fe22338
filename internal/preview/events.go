package preview

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// broker hands each new version to every open event stream.
type broker struct {
	mu      sync.Mutex
	clients map[chan string]bool
	closed  bool
}

func newBroker() *broker { return &broker{clients: map[chan string]bool{}} }

// subscribe returns a channel that receives each new version, and closes
// when the broker does.
func (b *broker) subscribe() (chan string, func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch := make(chan string, 1)
	if b.closed {
		close(ch)
		return ch, func() {}
	}
	b.clients[ch] = true
	return ch, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.clients[ch] {
			delete(b.clients, ch)
			close(ch)
		}
	}
}

// publish sends v to every stream; a stream that has not taken the
// previous version yet gets only the newest.
func (b *broker) publish(v string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.clients {
		select {
		case <-ch:
		default:
		}
		ch <- v
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for ch := range b.clients {
		delete(b.clients, ch)
		close(ch)
	}
}

// keepAlive is how often an idle stream gets a comment line, so that
// nothing between browser and server closes it as dead.
const keepAlive = 20 * time.Second

// serveEvents streams versions to one tab: the current one at once, then
// each new one, as Server-Sent Events. The tab's script reloads the page
// when the version differs from the one the page was served with.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch, cancel := s.events.subscribe()
	defer cancel()
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	s.mu.RLock()
	v := s.version()
	s.mu.RUnlock()
	fmt.Fprintf(w, "retry: 1000\ndata: %s\n\n", v)
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "data: %s\n\n", v)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}
