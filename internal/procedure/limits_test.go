package procedure

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// TestHostileInputIsBounded feeds the loader files built to exhaust memory
// or time and checks each is refused with a clear message, allocating
// little: the build's memory stays bounded whatever staff paste.
func TestHostileInputIsBounded(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want msg.ID
	}{
		{"20 MB file", bytes.Repeat([]byte("name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"), 20<<20/46), msg.FileTooLarge},
		{"alias expansion", aliasBomb(), msg.TooManyNodes},
		{"deep nesting", []byte("steps: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"), msg.YAMLSyntax},
		{"many keys", []byte(strings.Repeat("x: 1\n", 50_000)), msg.TooManyErrors},
		{"one huge line", []byte("name: " + strings.Repeat("ạ", 80_000) + "\n"), msg.TextTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"procedures/x.yaml": {Data: tc.data}}
			var diags diag.List
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			p := Load(fsys, "procedures/x.yaml", "x", &diags)
			runtime.ReadMemStats(&after)
			if p != nil {
				t.Fatal("hostile file accepted")
			}
			found := false
			for _, d := range diags {
				found = found || d.Text.ID() == tc.want
			}
			if !found {
				t.Errorf("problems %v, want message %d", diags, tc.want)
			}
			// The file itself may be read once (1 MB at most) and parsed;
			// 64 MB is far above that and far below what an unbounded
			// expansion would take.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
}

// aliasBomb returns a 10 KB procedure whose aliases expand to a million
// documents.
func aliasBomb() []byte {
	var b strings.Builder
	b.WriteString("documents: &docs [&d {name: x, present: true}")
	b.WriteString(strings.Repeat(", *d", 999))
	b.WriteString("]\ncases: [&c {name: y, documents: *docs}")
	b.WriteString(strings.Repeat(", *c", 999))
	b.WriteString("]\n")
	return []byte(b.String())
}

// TestReadUpTo reads files whose size the file system reports right,
// too small (the file grew since) or not at all, in pieces of every
// size: every byte up to the limit arrives, and no more.
func TestReadUpTo(t *testing.T) {
	const limit = 1000
	for _, n := range []int{0, 1, 511, 512, 513, 999, 1000, 1001, 5000} {
		data := bytes.Repeat([]byte("ạb\n"), n)[:n]
		want := data[:min(n, limit)]
		for _, size := range []int{n + 1, n / 2, 512, 1} {
			for name, r := range map[string]func() io.Reader{
				"whole":    func() io.Reader { return bytes.NewReader(data) },
				"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
				"halves":   func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
				"data+EOF": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) },
			} {
				got, err := readUpTo(r(), size, limit)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%d bytes, size %d, read %s: got %d bytes (%v), want %d", n, size, name, len(got), err, len(want))
				}
			}
		}
	}
	if _, err := readUpTo(iotest.ErrReader(iotest.ErrTimeout), 10, limit); err != iotest.ErrTimeout {
		t.Errorf("a failing read gave %v, want its error", err)
	}
}
