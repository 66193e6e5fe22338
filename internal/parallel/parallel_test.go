package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

func TestForCallsEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000} {
		seen := make([]atomic.Int32, n)
		For(n, func(i int) bool {
			seen[i].Add(1)
			return true
		})
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d: f(%d) called %d times, want once", n, i, c)
			}
		}
	}
}

// TestForStops stops at one call: every smaller number has run, and
// once that call has returned at most one call per other goroutine (a
// number it took in the meantime) starts.
func TestForStops(t *testing.T) {
	const n, stopAt = 100000, 100
	var mu sync.Mutex
	ran := map[int]bool{}
	var returned atomic.Bool
	var late atomic.Int32
	For(n, func(i int) bool {
		if returned.Load() {
			late.Add(1)
		}
		mu.Lock()
		ran[i] = true
		mu.Unlock()
		if i == stopAt {
			returned.Store(true)
			return false
		}
		return true
	})
	for i := 0; i <= stopAt; i++ {
		if !ran[i] {
			t.Errorf("f(%d), before the call that stopped, did not run", i)
		}
	}
	if got, most := late.Load(), int32(runtime.GOMAXPROCS(0)-1); got > most {
		t.Errorf("%d calls started after the stop, want at most %d", got, most)
	}
	if len(ran) == n {
		t.Error("every call ran: returning false stopped nothing")
	}
}
