package scriptscan

import "testing"

func TestFragment(t *testing.T) {
	schemes := []string{"http", "https", "tel", "mailto"}
	for src, bad := range map[string]bool{
		`<p>a <strong>b</strong> <a href="https://x.vn">c</a> <a href="../x/index.html">d</a></p>`: false,
		`<a href="tel:0243">x</a><a href="#giay-to">y</a>`:                                         false,
		`<script>alert(1)</script>`:                                                                true,
		`<img src=x onerror=alert(1)>`:                                                             true,
		`<a href="javascript:alert(1)">x</a>`:                                                      true,
		`<a href=" JaVaScRiPt:alert(1)">x</a>`:                                                     true,
		"<a href=\"java\tscript:alert(1)\">x</a>":                                                  true,
		`<a href="&#106;avascript:alert(1)">x</a>`:                                                 true,
		`<a href="//evil.example">x</a>`:                                                           true,
		`<iframe src="https://x.vn"></iframe>`:                                                     true,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`:                                     true,
		`<p style="background:url(x)">x</p>`:                                                       true,
		`<a href="data:text/html,x">x</a>`:                                                         true,
		`<form action="https://x.vn"><button>x</button></form>`:                                    true,
	} {
		if got := len(Fragment([]byte(src), schemes...)) > 0; got != bad {
			t.Errorf("Fragment(%s) found problems = %v, want %v: %v", src, got, bad, Fragment([]byte(src), schemes...))
		}
	}
}
