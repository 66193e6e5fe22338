package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the run to the file named by
// QRBOARD_CPUPROFILE, when set (scripts/bench.sh PROFILES=dir): the figures
// behind README's "Large sites". It returns the function that stops it.
func startProfile() func() {
	name := os.Getenv("QRBOARD_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
