package main

import (
	"context"
	"errors"
	"flag"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/preview"
)

// DefaultPort is where serve listens unless told otherwise: fixed, so a
// bookmark keeps working, and away from the 8000 and 8080 that other
// development servers take.
const DefaultPort = 8642

var serveCmd = &command{
	name:  "serve",
	short: "preview the site in a browser while editing; pages reload on save",
	long: `Serve builds the site and serves it at http://127.0.0.1:8642/ for a browser
on this computer. It watches qrboard.yaml, procedures/ and templates/, and
rebuilds when a file is saved: open pages reload by themselves. While a
file has errors, the browser shows them — file, line, column and what to
do — instead of the site, and the site comes back once they are fixed.

Serve builds into a temporary folder: it never touches site/ or
qrboard.lock, so a preview cannot break the published site. The QR codes
of the preview still point to base_url, the published address.

With -bind 0.0.0.0 the preview is also open to other devices on the
local network, such as a phone. With -open the preview opens in the web
browser once it is ready (the launcher in the release archives uses it).`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		var p projectFlags
		p.register(fs)
		port := fs.String("port", strconv.Itoa(DefaultPort), "port to listen on; 0 picks a free one")
		bind := fs.String("bind", "127.0.0.1", "address to listen on; 0.0.0.0 opens the preview to the local network")
		open := fs.Bool("open", false, "open the preview in the web browser once it is ready")
		return func(e *env, args []string) int {
			if !noArgs(e, "serve", args) {
				return exitUsage
			}
			opts, ok := p.options(e)
			if !ok {
				return exitUsage
			}
			if p.now == "" {
				opts.Now = time.Time{} // today, at each rebuild
			}
			n, err := strconv.Atoi(*port)
			if err != nil || n < 0 || n > 65535 {
				e.say(msg.LevelError, msg.BadPort, *port)
				return exitUsage
			}
			if net.ParseIP(*bind) == nil && *bind != "localhost" {
				e.say(msg.LevelError, msg.BadBind, *bind)
				return exitUsage
			}
			if _, err := os.Stat(filepath.Join(p.src, config.File)); err != nil {
				// The wrong folder: watching it would not help.
				e.say(msg.LevelError, msg.NoConfig)
				e.say(msg.LevelHint, msg.HintInit)
				return exitFailure
			}
			ln, code := listen(e, *bind, n)
			if ln == nil {
				return code
			}
			s, err := preview.New(preview.Config{Build: opts, Lang: e.lang, LangFromSite: !e.langSet})
			if err != nil {
				ln.Close()
				e.say(msg.LevelError, msg.Failed, msg.Explain(err))
				return exitFailure
			}
			defer s.Close()
			return serve(e, s, ln, p, *open)
		}
	},
}

// serve builds once, then serves and rebuilds until interrupted; with
// open, it opens the preview in the browser once it serves.
func serve(e *env, s *preview.Server, ln net.Listener, p projectFlags, open bool) int {
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	first := s.Build(ctx, nil)
	e.lang = first.Lang
	e.report(first.Diags, p.src, p.verbose)
	e.sayBuild(first)
	addrs := addresses(ln)
	for _, addr := range addrs {
		if strings.Contains(addr, "127.0.0.1") || strings.Contains(addr, "[::1]") || strings.Contains(addr, "localhost") {
			e.say(0, msg.ServeListening, addr)
		} else {
			e.say(0, msg.ServeLAN, addr)
		}
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		s.Watch(ctx, preview.PollInterval, func(r preview.Report) {
			e.lang = r.Lang
			r.Diags.Sort()
			r.Diags.Print(e.stderr, e.lang, p.src, diag.Error)
			for i, f := range r.Changed {
				r.Changed[i] = inProject(p.src, f)
			}
			e.sayBuild(r)
		})
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if open {
		if err := openBrowser(addrs[0]); err != nil {
			e.say(msg.LevelWarning, msg.ServeOpenFailed, err.Error())
		}
	}
	code := exitOK
	select {
	case err := <-errc:
		e.say(msg.LevelError, msg.Failed, msg.Explain(err))
		code = exitFailure
		stop()
	case <-ctx.Done():
	}
	<-watching
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.Close() // ends the event streams, which Shutdown would wait for
	srv.Shutdown(shutdown)
	e.say(0, msg.ServeStopped)
	return code
}

// sayBuild prints the outcome of a preview build in one line.
func (e *env) sayBuild(r preview.Report) {
	switch {
	case r.Err != nil:
		e.say(msg.LevelError, msg.Failed, r.Err.Error())
		e.say(0, msg.ServeFailed, r.Diags.Count(diag.Error)+1)
	case r.Result == nil:
		e.say(0, msg.ServeFailed, r.Diags.Count(diag.Error))
	case len(r.Changed) > 0:
		e.say(0, msg.ServeRebuilt, changedFiles(r.Changed), r.Result.Elapsed.Round(time.Millisecond), changes(r.Result.PageChanges))
	default:
		e.say(0, msg.ServeBuilt, r.Result.Pages, r.Result.Elapsed.Round(time.Millisecond))
	}
}

// inProject returns the path of a project file as the user reaches it:
// joined to the project folder as typed, unless that is the current one.
func inProject(src, rel string) string {
	if src == "" || src == "." || filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(src, rel)
}

// changedFiles names the files that changed, at most three.
func changedFiles(files []string) string {
	if len(files) > 3 {
		return strings.Join(files[:3], ", ") + ", …"
	}
	return strings.Join(files, ", ")
}

// listen opens the address, or says why not: a port in use gets the
// nearest free one suggested.
func listen(e *env, bind string, port int) (net.Listener, int) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, exitOK
	}
	if !portTaken(err) {
		e.say(msg.LevelError, msg.ListenFailed, addr, err.Error())
		return nil, exitFailure
	}
	e.say(msg.LevelError, msg.PortTaken, port, bind)
	if free := freePort(bind, port); free > 0 {
		e.say(msg.LevelHint, msg.PortTry, free)
	}
	return nil, exitFailure
}

// portTaken reports whether a listen error means the port is held by
// another program: EADDRINUSE on Unix; WSAEADDRINUSE (10048) on Windows,
// and WSAEACCES (10013), which Windows gives for a port another program
// holds exclusively or that it reserves for itself.
func portTaken(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == syscall.EADDRINUSE || errno == 10048 || errno == 10013
}

// freePort returns the first port after port that can be listened on,
// or one the system picks, or 0.
func freePort(bind string, port int) int {
	for p := port + 1; p <= port+20 && p <= 65535; p++ {
		if ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p))); err == nil {
			ln.Close()
			return p
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, "0"))
	if err != nil {
		return 0
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// addresses returns the addresses at which a browser reaches ln: the
// loopback one, and for a wildcard bind the machine's local network ones.
func addresses(ln net.Listener) []string {
	a := ln.Addr().(*net.TCPAddr)
	port := strconv.Itoa(a.Port)
	url := func(ip string) string { return "http://" + net.JoinHostPort(ip, port) + "/" }
	if !a.IP.IsUnspecified() {
		return []string{url(a.IP.String())}
	}
	out := []string{url("127.0.0.1")}
	ifaces, _ := net.InterfaceAddrs()
	for _, ia := range ifaces {
		if n, ok := ia.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsGlobalUnicast() {
			out = append(out, url(n.IP.String()))
		}
	}
	return out
}
