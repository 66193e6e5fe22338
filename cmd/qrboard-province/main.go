// Command qrboard-province writes a synthetic province — N offices × M
// procedures made from the sample project — for measuring builds at the
// scale of a province (scripts/bench.sh), and optionally the same pages as
// a Hugo site for comparison:
//
//	qrboard-province [-offices N] [-procedures M] [-base-url URL] [-hugo DIR] DIR
//
// It is a tool for developers; staff never need it.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

	"qrboard"
	"qrboard/internal/build"
	"qrboard/internal/province"
)

func main() {
	var opts province.Options
	flag.IntVar(&opts.Offices, "offices", 100, "number of offices")
	flag.IntVar(&opts.Procedures, "procedures", 100, "number of procedures, each handled by every office")
	flag.StringVar(&opts.BaseURL, "base-url", province.DefaultBaseURL, "base_url of the site")
	hugo := flag.String("hugo", "", "also write the same pages as a Hugo site into this folder")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: qrboard-province [-offices N] [-procedures M] [-base-url URL] [-hugo DIR] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *hugo, opts); err != nil {
		fmt.Fprintln(os.Stderr, "qrboard-province:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "qrboard-province: %d offices × %d procedures = %d pages in %s\n",
		opts.Offices, opts.Procedures, opts.Pages(), flag.Arg(0))
}

func run(dir, hugo string, opts province.Options) error {
	if err := province.Write(dir, qrboard.Sample(), opts); err != nil {
		return err
	}
	if hugo == "" {
		return nil
	}
	p, diags := build.Load(build.Options{Src: dir, Now: time.Now()})
	if p == nil {
		return diags.Err()
	}
	css, err := fs.ReadFile(qrboard.Templates(), "style.css")
	if err != nil {
		return err
	}
	return province.WriteHugo(hugo, p.Site, css)
}
