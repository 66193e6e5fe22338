package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWrite checks that a file is made with its folder, replaced whole,
// and that no temporary file is left beside it.
func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "x.cache")
	for _, data := range []string{"first", "second, longer"} {
		if err := Write(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(path); err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the file alone", len(entries))
	}
}

// TestWriteFails checks that a write that cannot happen leaves nothing.
func TestWriteFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x")
	if err := os.Mkdir(path, 0o755); err != nil { // a folder where the file should go: the rename fails
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "in"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("data")); err == nil {
		t.Fatal("writing over a folder that is not empty succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after a failed write, want only the folder that was there", len(entries))
	}
}

// TestWriteAll writes files together, and checks that a failure before
// the renames leaves every file as it was.
func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "p", "a.yaml"), filepath.Join(dir, "q", "b.yaml")
	if err := WriteAll(map[string][]byte{a: []byte("a1"), b: []byte("b1")}); err != nil {
		t.Fatal(err)
	}
	blocked := filepath.Join(dir, "file", "c.yaml") // its folder would have to be a file
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(map[string][]byte{a: []byte("a2"), b: []byte("b2"), blocked: []byte("c")}); err == nil {
		t.Fatal("a file under a file was written")
	}
	for path, want := range map[string]string{a: "a1", b: "b1"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s holds %q after a failed batch, want %q", path, got, want)
		}
		if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
			t.Errorf("%d entries beside %s: a temporary file was left", len(entries), path)
		}
	}
}
