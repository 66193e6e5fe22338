package main

import (
	"strconv"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"qrboard/internal/dvcqg/fakeportal"
)

// fixtures holds the real records of the national database the tests
// import (see its README.md); scripts find it as $FIXTURES.
const fixtures = "../../internal/dvcqg/testdata"

// portal starts a fake national portal serving the fixture records, for
// the rest of the script, and sets $PORTAL to its address. It can
// misbehave: refuse every call (403), answer after a second, send HTML
// instead of JSON, or fail N times with a server error first.
//
//	portal [-refuse | -slow | -broken | -failures N]
func portal(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: portal [-refuse | -slow | -broken | -failures N]")
	}
	p, err := fakeportal.New(ts.Getenv("FIXTURES") + "/khai-sinh.json")
	ts.Check(err)
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-refuse":
			p.Refuse = true
		case "-slow":
			p.Slow = time.Second
		case "-broken":
			p.Broken = true
		case "-failures":
			i++
			n, err := strconv.Atoi(args[i])
			ts.Check(err)
			p.Failures = n
		default:
			ts.Fatalf("portal: unknown flag %s", args[i])
		}
	}
	srv := p.Start()
	ts.Defer(srv.Close)
	ts.Setenv("PORTAL", srv.URL)
}
