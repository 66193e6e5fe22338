package procedure

import (
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/parallel"
	"qrboard/internal/slug"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Dir is the folder of procedure files in a project.
const Dir = "procedures"

// MaxFiles bounds the number of procedure files in a project. A province
// publishes a few hundred distinct procedures; far more means a mistake.
const MaxFiles = 5000

// MaxFileSize is the largest procedure file accepted. The longest real
// procedure is about 6 KB; the limit keeps a pasted document or a
// generated file from taking the build's memory (parsing takes about 150
// bytes per byte of YAML).
const MaxFileSize = 256 << 10

// LoadDir reads every procedure file in dir of fsys, sorted by id. It
// reports all problems of all files; procedures whose file has errors are
// left out of the result.
func LoadDir(fsys fs.FS, dir string) ([]*Procedure, diag.List) {
	var diags diag.List
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.Pos{File: dir}, msg.NoProceduresDir, dir)
		return nil, diags
	} else if err != nil {
		diags.Add(diag.Pos{File: dir}, msg.ReadFailed, msg.Explain(err))
		return nil, diags
	}
	type job struct{ file, id string }
	var jobs []job
	for _, e := range entries {
		name := e.Name()
		file := path.Join(dir, name)
		id, ok := procedureFile(name, e.IsDir(), file, &diags)
		if !ok {
			continue
		}
		if len(jobs) == MaxFiles {
			diags.Add(diag.Pos{File: dir}, msg.TooManyFiles, MaxFiles)
			break
		}
		jobs = append(jobs, job{file, id})
	}
	// Parsing YAML is most of the time a rebuild spends loading a
	// project: the files are parsed on every core, each with its own
	// list of problems, reported in the order of the files.
	loaded := make([]*Procedure, len(jobs))
	found := make([]diag.List, len(jobs))
	parallel.For(len(jobs), func(i int) bool {
		loaded[i] = Load(fsys, jobs[i].file, jobs[i].id, &found[i])
		return true
	})
	var procs []*Procedure
	for i, p := range loaded {
		diags = append(diags, found[i]...)
		if p != nil {
			procs = append(procs, p)
		}
	}
	checkDuplicateIDs(procs, &diags)
	if len(procs) == 0 && !diags.HasErrors() {
		diags.Add(diag.Pos{File: dir}, msg.NoProcedures, dir)
	}
	return procs, diags
}

// procedureFile decides whether a folder entry is a procedure file and
// returns its id. Files that look like a mistake get a warning.
func procedureFile(name string, isDir bool, file string, diags *diag.List) (string, bool) {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return "", false // editor and system files
	}
	ext := path.Ext(name)
	if isDir || (ext != ".yaml" && ext != ".yml") {
		d := diags.Warn(diag.Pos{File: file}, msg.IgnoredFile)
		if lower := strings.ToLower(name); strings.HasSuffix(lower, ".yaml.txt") || strings.HasSuffix(lower, ".yml.txt") {
			d.WithHint(msg.HintTxtExtension, strings.TrimSuffix(name, name[len(name)-4:]))
		}
		return "", false
	}
	id := strings.TrimSuffix(name, ext)
	if p := slug.Check(id); p != slug.OK {
		d := diags.Add(diag.Pos{File: file}, msg.BadFileID, id, p.Message())
		if s := slug.Make(id); s != "" && slug.Check(s) == slug.OK {
			d.WithHint(msg.HintRenameFile, s+".yaml")
		}
		return "", false
	}
	return id, true
}

// Load reads and validates one procedure file. It returns nil if the
// file has errors.
func Load(fsys fs.FS, file, id string, diags *diag.List) *Procedure {
	data, ok := readLimited(fsys, file, diags)
	if !ok {
		return nil
	}
	return Parse(file, id, data, diags)
}

// Parse reads and validates data, the contents of the procedure file
// file, as Load does. It returns nil if the file has errors.
func Parse(file, id string, data []byte, diags *diag.List) *Procedure {
	p := &Procedure{ID: id, File: file, Sum: sha256.Sum256(data)}
	before := diags.Count(diag.Error)
	if !strictyaml.Decode(file, data, p, diags, strictyaml.RefusePlaceholders) {
		return nil
	}
	p.validate(diags)
	if diags.Count(diag.Error) > before {
		return nil
	}
	return p
}

// readLimited reads file, refusing files over MaxFileSize without reading
// them whole.
func readLimited(fsys fs.FS, file string, diags *diag.List) ([]byte, bool) {
	f, err := fsys.Open(file)
	if err != nil {
		diags.Add(diag.Pos{File: file}, msg.ReadFailed, msg.Explain(err))
		return nil, false
	}
	defer f.Close()
	size := 512 // a file system without sizes
	if st, err := f.Stat(); err == nil {
		if st.Size() > MaxFileSize {
			diags.Add(diag.Pos{File: file}, msg.FileTooLarge, st.Size()/1024, MaxFileSize/1024)
			return nil, false
		}
		size = int(st.Size()) + 1 // one more byte, to read the end of the file
	}
	data, err := readUpTo(f, size, MaxFileSize+1)
	if err != nil {
		diags.Add(diag.Pos{File: file}, msg.ReadFailed, msg.Explain(err))
		return nil, false
	}
	if len(data) > MaxFileSize { // grew since Stat, or a file system without sizes
		diags.Add(diag.Pos{File: file}, msg.FileTooLarge, len(data)/1024, MaxFileSize/1024)
		return nil, false
	}
	return data, true
}

// readUpTo reads r to its end, or to its first limit bytes, into a
// buffer of size bytes that grows only if r holds more: io.ReadAll
// starts at 512 bytes and grows its buffer several times for one
// procedure file.
func readUpTo(r io.Reader, size, limit int) ([]byte, error) {
	data := make([]byte, 0, min(size, limit))
	for len(data) < limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), limit)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

var codeRE = regexp.MustCompile(`^[0-9]\.[0-9]{6}(\.[0-9A-Za-z.]+)?$`)

// validate checks what the types alone cannot: rules between fields.
func (p *Procedure) validate(diags *diag.List) {
	top := diag.Pos{File: p.File, Line: 1, Col: 1}
	if !codeRE.MatchString(p.Code) {
		diags.Warn(top, msg.CodeFormat, p.Code)
	}
	if len(p.Documents) == 0 && len(p.Cases) == 0 {
		diags.Add(top, msg.NoDocuments)
	}
	seen := map[Method]bool{}
	for _, c := range p.Channels {
		if seen[c.Method] {
			diags.Add(top, msg.DuplicateChannel, string(c.Method))
		}
		seen[c.Method] = true
	}
	if seen[Online] && p.OnlineURL == "" {
		diags.Warn(top, msg.OnlineWithoutURL)
	}
	if !p.RepealedOn.IsZero() && !p.EffectiveFrom.IsZero() && !p.RepealedOn.After(p.EffectiveFrom) {
		diags.Add(top, msg.RepealBeforeEffect, p.RepealedOn.String(), p.EffectiveFrom.String())
	}
	for _, a := range p.Aliases {
		if pr := slug.Check(a.ID); pr != slug.OK {
			diags.Add(a.Pos, msg.BadAlias, a.ID, pr.Message())
		} else if a.ID == p.ID {
			diags.Add(a.Pos, msg.AliasIsSelf, a.ID)
		}
	}
	for i := range p.Channels {
		if c := &p.Channels[i]; c.FeeAwaited() {
			diags.Warn(c.Pos, msg.FeeAwaited, string(c.Method), c.FeeSetBy).WithHint(msg.HintFeeAwaited)
		}
	}
	for _, u := range p.Unverified {
		diags.Warn(top, msg.Unverified, u)
	}
}

// checkDuplicateIDs reports two files with the same id (ket-hon.yaml and
// ket-hon.yml) and drops the second.
func checkDuplicateIDs(procs []*Procedure, diags *diag.List) {
	slices.SortStableFunc(procs, func(a, b *Procedure) int { return strings.Compare(a.ID, b.ID) })
	for i := 1; i < len(procs); i++ {
		if procs[i].ID == procs[i-1].ID {
			diags.Add(diag.Pos{File: procs[i].File}, msg.DuplicateID, procs[i].ID, procs[i-1].File)
		}
	}
}

// Published reports whether p has pages on day now: in force or repealed,
// but not before it takes effect.
func (p *Procedure) Published(now value.Date) bool { return !p.Future(now) }
