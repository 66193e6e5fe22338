//go:build !linux

package output

import "os"

// create writes data into a new file at path and returns its state (when
// withState).
func create(path string, data []byte, withState bool) (fileState, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fileState{}, err
	}
	_, err = f.Write(data)
	var st fileState
	if err == nil && withState {
		var info os.FileInfo
		if info, err = f.Stat(); err == nil {
			st = stateOf(info)
		}
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	return st, err
}
