// Package parallel runs numbered jobs on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for i from 0 to n-1 on as many goroutines as there are
// cores (at most n) and returns when every call has returned. Each
// goroutine takes the next number itself, so the calls start in order,
// and a job of a few microseconds costs no more than an atomic add to
// hand out. Once a call returns false no goroutine takes another number:
// the calls of smaller numbers have all started, and finish.
func For(n int, f func(i int) bool) {
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if !f(i) {
					stop.Store(true)
				}
			}
		})
	}
	wg.Wait()
}
